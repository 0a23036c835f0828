// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var fleet_v1_console_pb = require('./console_pb.js');

function serialize_fleet_v1_Alert(arg) {
  if (!(arg instanceof fleet_v1_console_pb.Alert)) {
    throw new Error('Expected argument of type fleet.v1.Alert');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_fleet_v1_Alert(buffer_arg) {
  return fleet_v1_console_pb.Alert.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_fleet_v1_DeviceSummary(arg) {
  if (!(arg instanceof fleet_v1_console_pb.DeviceSummary)) {
    throw new Error('Expected argument of type fleet.v1.DeviceSummary');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_fleet_v1_DeviceSummary(buffer_arg) {
  return fleet_v1_console_pb.DeviceSummary.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_fleet_v1_ListDevicesRequest(arg) {
  if (!(arg instanceof fleet_v1_console_pb.ListDevicesRequest)) {
    throw new Error('Expected argument of type fleet.v1.ListDevicesRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_fleet_v1_ListDevicesRequest(buffer_arg) {
  return fleet_v1_console_pb.ListDevicesRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_fleet_v1_TailAlertsRequest(arg) {
  if (!(arg instanceof fleet_v1_console_pb.TailAlertsRequest)) {
    throw new Error('Expected argument of type fleet.v1.TailAlertsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_fleet_v1_TailAlertsRequest(buffer_arg) {
  return fleet_v1_console_pb.TailAlertsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}


var FleetQueryService = exports.FleetQueryService = {
  listDevices: {
    path: '/fleet.v1.FleetQuery/ListDevices',
    requestStream: false,
    responseStream: true,
    requestType: fleet_v1_console_pb.ListDevicesRequest,
    responseType: fleet_v1_console_pb.DeviceSummary,
    requestSerialize: serialize_fleet_v1_ListDevicesRequest,
    requestDeserialize: deserialize_fleet_v1_ListDevicesRequest,
    responseSerialize: serialize_fleet_v1_DeviceSummary,
    responseDeserialize: deserialize_fleet_v1_DeviceSummary,
  },
  tailAlerts: {
    path: '/fleet.v1.FleetQuery/TailAlerts',
    requestStream: false,
    responseStream: true,
    requestType: fleet_v1_console_pb.TailAlertsRequest,
    responseType: fleet_v1_console_pb.Alert,
    requestSerialize: serialize_fleet_v1_TailAlertsRequest,
    requestDeserialize: deserialize_fleet_v1_TailAlertsRequest,
    responseSerialize: serialize_fleet_v1_Alert,
    responseDeserialize: deserialize_fleet_v1_Alert,
  },
};

exports.FleetQueryClient = grpc.makeGenericClientConstructor(FleetQueryService, 'FleetQuery');
