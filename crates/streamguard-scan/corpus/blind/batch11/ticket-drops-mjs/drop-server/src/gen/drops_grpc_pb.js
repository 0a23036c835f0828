// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var drops_pb = require('./drops_pb.js');

function serialize_drops_v1_WatchDropRequest(arg) {
  if (!(arg instanceof drops_pb.WatchDropRequest)) {
    throw new Error('Expected argument of type drops.v1.WatchDropRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_drops_v1_WatchDropRequest(buffer_arg) {
  return drops_pb.WatchDropRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_drops_v1_DropState(arg) {
  if (!(arg instanceof drops_pb.DropState)) {
    throw new Error('Expected argument of type drops.v1.DropState');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_drops_v1_DropState(buffer_arg) {
  return drops_pb.DropState.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_drops_v1_ClaimRequest(arg) {
  return Buffer.from(arg.serializeBinary());
}

function deserialize_drops_v1_ClaimRequest(buffer_arg) {
  return drops_pb.ClaimRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_drops_v1_ClaimEvent(arg) {
  return Buffer.from(arg.serializeBinary());
}

function deserialize_drops_v1_ClaimEvent(buffer_arg) {
  return drops_pb.ClaimEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_drops_v1_ExportOrdersRequest(arg) {
  return Buffer.from(arg.serializeBinary());
}

function deserialize_drops_v1_ExportOrdersRequest(buffer_arg) {
  return drops_pb.ExportOrdersRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_drops_v1_Order(arg) {
  return Buffer.from(arg.serializeBinary());
}

function deserialize_drops_v1_Order(buffer_arg) {
  return drops_pb.Order.deserializeBinary(new Uint8Array(buffer_arg));
}


// Concert ticket drops: a fixed number of seats goes on sale at a set time; fans hold and buy.
var DropsService = exports.DropsService = {
  // Remaining inventory of a drop, pushed as it changes.
watchDrop: {
    path: '/drops.v1.Drops/WatchDrop',
    requestStream: false,
    responseStream: true,
    requestType: drops_pb.WatchDropRequest,
    responseType: drops_pb.DropState,
    requestSerialize: serialize_drops_v1_WatchDropRequest,
    requestDeserialize: deserialize_drops_v1_WatchDropRequest,
    responseSerialize: serialize_drops_v1_DropState,
    responseDeserialize: deserialize_drops_v1_DropState,
  },
  // A fan's buying session: hold seats, release, check out.
claimSession: {
    path: '/drops.v1.Drops/ClaimSession',
    requestStream: true,
    responseStream: true,
    requestType: drops_pb.ClaimRequest,
    responseType: drops_pb.ClaimEvent,
    requestSerialize: serialize_drops_v1_ClaimRequest,
    requestDeserialize: deserialize_drops_v1_ClaimRequest,
    responseSerialize: serialize_drops_v1_ClaimEvent,
    responseDeserialize: deserialize_drops_v1_ClaimEvent,
  },
  // Promoter export of the orders of a drop (finite).
exportOrders: {
    path: '/drops.v1.Drops/ExportOrders',
    requestStream: false,
    responseStream: true,
    requestType: drops_pb.ExportOrdersRequest,
    responseType: drops_pb.Order,
    requestSerialize: serialize_drops_v1_ExportOrdersRequest,
    requestDeserialize: deserialize_drops_v1_ExportOrdersRequest,
    responseSerialize: serialize_drops_v1_Order,
    responseDeserialize: deserialize_drops_v1_Order,
  },
};

exports.DropsClient = grpc.makeGenericClientConstructor(DropsService, 'Drops');
