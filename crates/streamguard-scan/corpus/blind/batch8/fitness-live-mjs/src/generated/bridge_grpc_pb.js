// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var studio_v1_bridge_pb = require('./bridge_pb.js');

function serialize_studio_v1_CadenceSample(arg) {
  if (!(arg instanceof studio_v1_bridge_pb.CadenceSample)) {
    throw new Error('Expected argument of type studio.v1.CadenceSample');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_CadenceSample(buffer_arg) {
  return studio_v1_bridge_pb.CadenceSample.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_CalibrateReply(arg) {
  if (!(arg instanceof studio_v1_bridge_pb.CalibrateReply)) {
    throw new Error('Expected argument of type studio.v1.CalibrateReply');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_CalibrateReply(buffer_arg) {
  return studio_v1_bridge_pb.CalibrateReply.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_CalibrateRequest(arg) {
  if (!(arg instanceof studio_v1_bridge_pb.CalibrateRequest)) {
    throw new Error('Expected argument of type studio.v1.CalibrateRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_CalibrateRequest(buffer_arg) {
  return studio_v1_bridge_pb.CalibrateRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_StreamCadenceRequest(arg) {
  if (!(arg instanceof studio_v1_bridge_pb.StreamCadenceRequest)) {
    throw new Error('Expected argument of type studio.v1.StreamCadenceRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_StreamCadenceRequest(buffer_arg) {
  return studio_v1_bridge_pb.StreamCadenceRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

var BikeBridgeService = exports.BikeBridgeService = {
  streamCadence: {
    path: '/studio.v1.BikeBridge/StreamCadence',
    requestStream: false,
    responseStream: true,
    requestType: studio_v1_bridge_pb.StreamCadenceRequest,
    responseType: studio_v1_bridge_pb.CadenceSample,
    requestSerialize: serialize_studio_v1_StreamCadenceRequest,
    requestDeserialize: deserialize_studio_v1_StreamCadenceRequest,
    responseSerialize: serialize_studio_v1_CadenceSample,
    responseDeserialize: deserialize_studio_v1_CadenceSample,
  },
  calibrate: {
    path: '/studio.v1.BikeBridge/Calibrate',
    requestStream: false,
    responseStream: false,
    requestType: studio_v1_bridge_pb.CalibrateRequest,
    responseType: studio_v1_bridge_pb.CalibrateReply,
    requestSerialize: serialize_studio_v1_CalibrateRequest,
    requestDeserialize: deserialize_studio_v1_CalibrateRequest,
    responseSerialize: serialize_studio_v1_CalibrateReply,
    responseDeserialize: deserialize_studio_v1_CalibrateReply,
  },
};

exports.BikeBridgeClient = grpc.makeGenericClientConstructor(BikeBridgeService, 'BikeBridge');

