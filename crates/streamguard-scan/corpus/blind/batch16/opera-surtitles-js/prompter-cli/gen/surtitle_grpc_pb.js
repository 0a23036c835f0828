// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var surtitle_v1_surtitle_pb = require('./surtitle_pb.js');

function serialize_surtitle_v1_WatchCuesRequest(arg) {
  if (!(arg instanceof surtitle_v1_surtitle_pb.WatchCuesRequest)) {
    throw new Error('Expected argument of type surtitle.v1.WatchCuesRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_surtitle_v1_WatchCuesRequest(buffer_arg) {
  return surtitle_v1_surtitle_pb.WatchCuesRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_surtitle_v1_Cue(arg) {
  if (!(arg instanceof surtitle_v1_surtitle_pb.Cue)) {
    throw new Error('Expected argument of type surtitle.v1.Cue');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_surtitle_v1_Cue(buffer_arg) {
  return surtitle_v1_surtitle_pb.Cue.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... (DeckCommand, DeckAck, ListProductionsRequest, Production serializers elided)

var SurtitlesService = exports.SurtitlesService = {
  watchCues: {
    path: '/surtitle.v1.Surtitles/WatchCues',
    requestStream: false,
    responseStream: true,
    requestType: surtitle_v1_surtitle_pb.WatchCuesRequest,
    responseType: surtitle_v1_surtitle_pb.Cue,
    requestSerialize: serialize_surtitle_v1_WatchCuesRequest,
    requestDeserialize: deserialize_surtitle_v1_WatchCuesRequest,
    responseSerialize: serialize_surtitle_v1_Cue,
    responseDeserialize: deserialize_surtitle_v1_Cue,
  },
  cueDeck: {
    path: '/surtitle.v1.Surtitles/CueDeck',
    requestStream: true,
    responseStream: true,
    // ... elided
  },
  listProductions: {
    path: '/surtitle.v1.Surtitles/ListProductions',
    requestStream: false,
    responseStream: true,
    // ... elided
  },
};

exports.SurtitlesClient = grpc.makeGenericClientConstructor(SurtitlesService, 'Surtitles');
