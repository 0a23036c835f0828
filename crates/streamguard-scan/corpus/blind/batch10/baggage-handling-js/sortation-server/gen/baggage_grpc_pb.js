// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var baggage_v1_baggage_pb = require('./baggage_pb.js');

function serialize_baggage_v1_WatchCarouselRequest(arg) {
  if (!(arg instanceof baggage_v1_baggage_pb.WatchCarouselRequest)) {
    throw new Error('Expected argument of type baggage.v1.WatchCarouselRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_baggage_v1_WatchCarouselRequest(buffer_arg) {
  return baggage_v1_baggage_pb.WatchCarouselRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_baggage_v1_BagEvent(arg) {
  if (!(arg instanceof baggage_v1_baggage_pb.BagEvent)) {
    throw new Error('Expected argument of type baggage.v1.BagEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_baggage_v1_BagEvent(buffer_arg) {
  return baggage_v1_baggage_pb.BagEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

// (serializers for ScanEvent, ScanAck, ListMishandledRequest, BagRecord, GetBagRequest elided)

var BaggageServiceService = exports.BaggageServiceService = {
  watchCarousel: {
    path: '/baggage.v1.BaggageService/WatchCarousel',
    requestStream: false,
    responseStream: true,
    requestType: baggage_v1_baggage_pb.WatchCarouselRequest,
    responseType: baggage_v1_baggage_pb.BagEvent,
    requestSerialize: serialize_baggage_v1_WatchCarouselRequest,
    requestDeserialize: deserialize_baggage_v1_WatchCarouselRequest,
    responseSerialize: serialize_baggage_v1_BagEvent,
    responseDeserialize: deserialize_baggage_v1_BagEvent,
  },
  scannerLink: {
    path: '/baggage.v1.BaggageService/ScannerLink',
    requestStream: true,
    responseStream: true,
    requestType: baggage_v1_baggage_pb.ScanEvent,
    responseType: baggage_v1_baggage_pb.ScanAck,
  },
  listMishandled: {
    path: '/baggage.v1.BaggageService/ListMishandled',
    requestStream: false,
    responseStream: true,
    requestType: baggage_v1_baggage_pb.ListMishandledRequest,
    responseType: baggage_v1_baggage_pb.BagRecord,
  },
  getBag: {
    path: '/baggage.v1.BaggageService/GetBag',
    requestStream: false,
    responseStream: false,
    requestType: baggage_v1_baggage_pb.GetBagRequest,
    responseType: baggage_v1_baggage_pb.BagRecord,
  },
};

exports.BaggageServiceClient = grpc.makeGenericClientConstructor(BaggageServiceService);
