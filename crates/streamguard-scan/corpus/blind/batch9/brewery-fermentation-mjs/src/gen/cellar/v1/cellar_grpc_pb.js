// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var cellar_v1_cellar_pb = require('../../cellar/v1/cellar_pb.js');

function serialize_cellar_v1_WatchTankRequest(arg) {
  if (!(arg instanceof cellar_v1_cellar_pb.WatchTankRequest)) {
    throw new Error('Expected argument of type cellar.v1.WatchTankRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_cellar_v1_WatchTankRequest(buffer_arg) {
  return cellar_v1_cellar_pb.WatchTankRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

// (serializers for the other messages abbreviated)
function ser(type) { return function (arg) { return Buffer.from(arg.serializeBinary()); }; }
function de(type) { return function (b) { return cellar_v1_cellar_pb[type].deserializeBinary(new Uint8Array(b)); }; }

var CellarService = exports.CellarService = {
  watchTank: {
    path: '/cellar.v1.Cellar/WatchTank',
    requestStream: false,
    responseStream: true,
    requestType: cellar_v1_cellar_pb.WatchTankRequest,
    responseType: cellar_v1_cellar_pb.TankReading,
    requestSerialize: serialize_cellar_v1_WatchTankRequest,
    requestDeserialize: deserialize_cellar_v1_WatchTankRequest,
    responseSerialize: ser('TankReading'),
    responseDeserialize: de('TankReading'),
  },
  batchLog: {
    path: '/cellar.v1.Cellar/BatchLog',
    requestStream: true,
    responseStream: false,
    requestType: cellar_v1_cellar_pb.LogEntry,
    responseType: cellar_v1_cellar_pb.LogSummary,
    requestSerialize: ser('LogEntry'),
    requestDeserialize: de('LogEntry'),
    responseSerialize: ser('LogSummary'),
    responseDeserialize: de('LogSummary'),
  },
  streamRecipes: {
    path: '/cellar.v1.Cellar/StreamRecipes',
    requestStream: false,
    responseStream: true,
    requestType: cellar_v1_cellar_pb.RecipeQuery,
    responseType: cellar_v1_cellar_pb.Recipe,
    requestSerialize: ser('RecipeQuery'),
    requestDeserialize: de('RecipeQuery'),
    responseSerialize: ser('Recipe'),
    responseDeserialize: de('Recipe'),
  },
};

exports.CellarClient = grpc.makeGenericClientConstructor(CellarService, 'Cellar');

var TankBridgeService = exports.TankBridgeService = {
  pushReadings: {
    path: '/cellar.v1.TankBridge/PushReadings',
    requestStream: true,
    responseStream: true,
    requestType: cellar_v1_cellar_pb.BridgeMessage,
    responseType: cellar_v1_cellar_pb.Command,
    requestSerialize: ser('BridgeMessage'),
    requestDeserialize: de('BridgeMessage'),
    responseSerialize: ser('Command'),
    responseDeserialize: de('Command'),
  },
  watchSetpoints: {
    path: '/cellar.v1.TankBridge/WatchSetpoints',
    requestStream: false,
    responseStream: true,
    requestType: cellar_v1_cellar_pb.WatchSetpointsRequest,
    responseType: cellar_v1_cellar_pb.Setpoint,
    requestSerialize: ser('WatchSetpointsRequest'),
    requestDeserialize: de('WatchSetpointsRequest'),
    responseSerialize: ser('Setpoint'),
    responseDeserialize: de('Setpoint'),
  },
};

exports.TankBridgeClient = grpc.makeGenericClientConstructor(TankBridgeService, 'TankBridge');
