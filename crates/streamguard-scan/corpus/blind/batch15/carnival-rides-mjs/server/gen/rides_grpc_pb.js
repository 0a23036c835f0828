// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var rides_pb = require('./rides_pb.js');

function serialize_carnival_rides_v1_WatchRideRequest(arg) {
  if (!(arg instanceof rides_pb.WatchRideRequest)) {
    throw new Error('Expected argument of type carnival.rides.v1.WatchRideRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_carnival_rides_v1_WatchRideRequest(buffer_arg) {
  return rides_pb.WatchRideRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... (serializers for RideStatus, ConsoleCommand, ConsoleReply, ExportCyclesRequest, CycleRecord elided)

var RideControlService = exports.RideControlService = {
  watchRide: {
    path: '/carnival.rides.v1.RideControl/WatchRide',
    requestStream: false,
    responseStream: true,
    requestType: rides_pb.WatchRideRequest,
    responseType: rides_pb.RideStatus,
    requestSerialize: serialize_carnival_rides_v1_WatchRideRequest,
    requestDeserialize: deserialize_carnival_rides_v1_WatchRideRequest,
    // ...
  },
  operatorConsole: {
    path: '/carnival.rides.v1.RideControl/OperatorConsole',
    requestStream: true,
    responseStream: true,
    requestType: rides_pb.ConsoleCommand,
    responseType: rides_pb.ConsoleReply,
    // ...
  },
  exportCycles: {
    path: '/carnival.rides.v1.RideControl/ExportCycles',
    requestStream: false,
    responseStream: true,
    requestType: rides_pb.ExportCyclesRequest,
    responseType: rides_pb.CycleRecord,
    // ...
  },
};

exports.RideControlClient = grpc.makeGenericClientConstructor(RideControlService, 'RideControl');
