// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var marketdata_pb = require('./marketdata_pb.js');

function serialize_md_v1_Instrument(arg) {
  if (!(arg instanceof marketdata_pb.Instrument)) {
    throw new Error('Expected argument of type md.v1.Instrument');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_md_v1_Instrument(buffer_arg) {
  return marketdata_pb.Instrument.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_md_v1_ListInstrumentsRequest(arg) {
  if (!(arg instanceof marketdata_pb.ListInstrumentsRequest)) {
    throw new Error('Expected argument of type md.v1.ListInstrumentsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_md_v1_ListInstrumentsRequest(buffer_arg) {
  return marketdata_pb.ListInstrumentsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_md_v1_Quote(arg) {
  if (!(arg instanceof marketdata_pb.Quote)) {
    throw new Error('Expected argument of type md.v1.Quote');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_md_v1_Quote(buffer_arg) {
  return marketdata_pb.Quote.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_md_v1_QuoteRequest(arg) {
  if (!(arg instanceof marketdata_pb.QuoteRequest)) {
    throw new Error('Expected argument of type md.v1.QuoteRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_md_v1_QuoteRequest(buffer_arg) {
  return marketdata_pb.QuoteRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_md_v1_SnapshotRequest(arg) {
  if (!(arg instanceof marketdata_pb.SnapshotRequest)) {
    throw new Error('Expected argument of type md.v1.SnapshotRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_md_v1_SnapshotRequest(buffer_arg) {
  return marketdata_pb.SnapshotRequest.deserializeBinary(new Uint8Array(buffer_arg));
}


var MarketDataService = exports.MarketDataService = {
  getSnapshot: {
    path: '/md.v1.MarketData/GetSnapshot',
    requestStream: false,
    responseStream: false,
    requestType: marketdata_pb.SnapshotRequest,
    responseType: marketdata_pb.Quote,
    requestSerialize: serialize_md_v1_SnapshotRequest,
    requestDeserialize: deserialize_md_v1_SnapshotRequest,
    responseSerialize: serialize_md_v1_Quote,
    responseDeserialize: deserialize_md_v1_Quote,
  },
  listInstruments: {
    path: '/md.v1.MarketData/ListInstruments',
    requestStream: false,
    responseStream: true,
    requestType: marketdata_pb.ListInstrumentsRequest,
    responseType: marketdata_pb.Instrument,
    requestSerialize: serialize_md_v1_ListInstrumentsRequest,
    requestDeserialize: deserialize_md_v1_ListInstrumentsRequest,
    responseSerialize: serialize_md_v1_Instrument,
    responseDeserialize: deserialize_md_v1_Instrument,
  },
  streamQuotes: {
    path: '/md.v1.MarketData/StreamQuotes',
    requestStream: false,
    responseStream: true,
    requestType: marketdata_pb.QuoteRequest,
    responseType: marketdata_pb.Quote,
    requestSerialize: serialize_md_v1_QuoteRequest,
    requestDeserialize: deserialize_md_v1_QuoteRequest,
    responseSerialize: serialize_md_v1_Quote,
    responseDeserialize: deserialize_md_v1_Quote,
  },
};

exports.MarketDataClient = grpc.makeGenericClientConstructor(MarketDataService);
