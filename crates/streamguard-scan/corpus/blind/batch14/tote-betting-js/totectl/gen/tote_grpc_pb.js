// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var tote_v1_tote_pb = require('./tote_pb.js');
var google_protobuf_timestamp_pb = require('google-protobuf/google/protobuf/timestamp_pb.js');

function serialize_tote_v1_BetMessage(arg) {
  if (!(arg instanceof tote_v1_tote_pb.BetMessage)) {
    throw new Error('Expected argument of type tote.v1.BetMessage');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_tote_v1_BetMessage(buffer_arg) {
  return tote_v1_tote_pb.BetMessage.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_tote_v1_WatchPoolsRequest(arg) {
  if (!(arg instanceof tote_v1_tote_pb.WatchPoolsRequest)) {
    throw new Error('Expected argument of type tote.v1.WatchPoolsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_tote_v1_WatchPoolsRequest(buffer_arg) {
  return tote_v1_tote_pb.WatchPoolsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... (serializers for PoolSnapshot, BetReceipt, ListResultsRequest, RaceResult,
//      GetMeetingRequest, Meeting elided)

var ToteService = exports.ToteService = {
  watchPools: {
    path: '/tote.v1.Tote/WatchPools',
    requestStream: false,
    responseStream: true,
    requestType: tote_v1_tote_pb.WatchPoolsRequest,
    responseType: tote_v1_tote_pb.PoolSnapshot,
    requestSerialize: serialize_tote_v1_WatchPoolsRequest,
    requestDeserialize: deserialize_tote_v1_WatchPoolsRequest,
  },
  placeBets: {
    path: '/tote.v1.Tote/PlaceBets',
    requestStream: true,
    responseStream: true,
    requestType: tote_v1_tote_pb.BetMessage,
    responseType: tote_v1_tote_pb.BetReceipt,
    requestSerialize: serialize_tote_v1_BetMessage,
    requestDeserialize: deserialize_tote_v1_BetMessage,
  },
  listResults: {
    path: '/tote.v1.Tote/ListResults',
    requestStream: false,
    responseStream: true,
    requestType: tote_v1_tote_pb.ListResultsRequest,
    responseType: tote_v1_tote_pb.RaceResult,
  },
  getMeeting: {
    path: '/tote.v1.Tote/GetMeeting',
    requestStream: false,
    responseStream: false,
    requestType: tote_v1_tote_pb.GetMeetingRequest,
    responseType: tote_v1_tote_pb.Meeting,
  },
};

exports.ToteClient = grpc.makeGenericClientConstructor(ToteService);
