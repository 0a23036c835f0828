// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var studio_pb = require('./studio_pb.js');

function serialize_tattoo_studio_v1_WatchChairRequest(arg) {
  if (!(arg instanceof studio_pb.WatchChairRequest)) {
    throw new Error('Expected argument of type tattoo.studio.v1.WatchChairRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_tattoo_studio_v1_WatchChairRequest(buffer_arg) {
  return studio_pb.WatchChairRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_tattoo_studio_v1_ChairEvent(arg) {
  if (!(arg instanceof studio_pb.ChairEvent)) {
    throw new Error('Expected argument of type tattoo.studio.v1.ChairEvent');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_tattoo_studio_v1_ChairEvent(buffer_arg) {
  return studio_pb.ChairEvent.deserializeBinary(new Uint8Array(buffer_arg));
}

// ... (serializers for the other messages elided)

var StudioService = exports.StudioService = {
  getStudio: {
    path: '/tattoo.studio.v1.Studio/GetStudio',
    requestStream: false,
    responseStream: false,
    requestType: studio_pb.GetStudioRequest,
    responseType: studio_pb.StudioInfo,
  },
  watchChair: {
    path: '/tattoo.studio.v1.Studio/WatchChair',
    requestStream: false,
    responseStream: true,
    requestType: studio_pb.WatchChairRequest,
    responseType: studio_pb.ChairEvent,
    requestSerialize: serialize_tattoo_studio_v1_WatchChairRequest,
    requestDeserialize: deserialize_tattoo_studio_v1_WatchChairRequest,
    responseSerialize: serialize_tattoo_studio_v1_ChairEvent,
    responseDeserialize: deserialize_tattoo_studio_v1_ChairEvent,
  },
  artistConsole: {
    path: '/tattoo.studio.v1.Studio/ArtistConsole',
    requestStream: true,
    responseStream: true,
    requestType: studio_pb.ConsoleCommand,
    responseType: studio_pb.ConsoleEvent,
  },
  listAppointments: {
    path: '/tattoo.studio.v1.Studio/ListAppointments',
    requestStream: false,
    responseStream: true,
    requestType: studio_pb.ListAppointmentsRequest,
    responseType: studio_pb.Appointment,
  },
};

exports.StudioClient = grpc.makeGenericClientConstructor(StudioService);
