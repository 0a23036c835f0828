// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var show_pb = require('./show_pb.js');

function serialize_planetarium_show_v1_CueAck(arg) {
  if (!(arg instanceof show_pb.CueAck)) {
    throw new Error('Expected argument of type planetarium.show.v1.CueAck');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_planetarium_show_v1_CueAck(buffer_arg) {
  return show_pb.CueAck.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_planetarium_show_v1_CueCommand(arg) {
  if (!(arg instanceof show_pb.CueCommand)) {
    throw new Error('Expected argument of type planetarium.show.v1.CueCommand');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_planetarium_show_v1_CueCommand(buffer_arg) {
  return show_pb.CueCommand.deserializeBinary(new Uint8Array(buffer_arg));
}

// (serializers for CueEvent, WatchShowRequest, ExportLogRequest elided)

var ShowControlService = exports.ShowControlService = {
  watchShow: {
    path: '/planetarium.show.v1.ShowControl/WatchShow',
    requestStream: false,
    responseStream: true,
    requestType: show_pb.WatchShowRequest,
    responseType: show_pb.CueEvent,
  },
  cueSession: {
    path: '/planetarium.show.v1.ShowControl/CueSession',
    requestStream: true,
    responseStream: true,
    requestType: show_pb.CueCommand,
    responseType: show_pb.CueAck,
    requestSerialize: serialize_planetarium_show_v1_CueCommand,
    requestDeserialize: deserialize_planetarium_show_v1_CueCommand,
    responseSerialize: serialize_planetarium_show_v1_CueAck,
    responseDeserialize: deserialize_planetarium_show_v1_CueAck,
  },
  exportLog: {
    path: '/planetarium.show.v1.ShowControl/ExportLog',
    requestStream: false,
    responseStream: true,
    requestType: show_pb.ExportLogRequest,
    responseType: show_pb.CueEvent,
  },
};

exports.ShowControlClient = grpc.makeGenericClientConstructor(ShowControlService, 'ShowControl');
