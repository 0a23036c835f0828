// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var stats_pb = require('./stats_pb.js');

// ... (serializers elided)

var StatsService = exports.StatsService = {
  recordThrow: {
    path: '/darts.stats.v1.Stats/RecordThrow',
    requestStream: false,
    responseStream: false,
    requestType: stats_pb.RecordThrowRequest,
    responseType: stats_pb.RecordThrowReply,
  },
  divisionTable: {
    path: '/darts.stats.v1.Stats/DivisionTable',
    requestStream: false,
    responseStream: true,
    requestType: stats_pb.DivisionTableRequest,
    responseType: stats_pb.TableRow,
  },
};

exports.StatsClient = grpc.makeGenericClientConstructor(StatsService);
