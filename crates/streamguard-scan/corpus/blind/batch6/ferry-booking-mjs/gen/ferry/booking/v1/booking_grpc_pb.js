// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var ferry_booking_v1_booking_pb = require('../../../ferry/booking/v1/booking_pb.js');

function serialize_ferry_booking_v1_HoldRequest(arg) {
  if (!(arg instanceof ferry_booking_v1_booking_pb.HoldRequest)) {
    throw new Error('Expected argument of type ferry.booking.v1.HoldRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_ferry_booking_v1_HoldRequest(buffer_arg) {
  return ferry_booking_v1_booking_pb.HoldRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_ferry_booking_v1_HoldResult(arg) {
  if (!(arg instanceof ferry_booking_v1_booking_pb.HoldResult)) {
    throw new Error('Expected argument of type ferry.booking.v1.HoldResult');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_ferry_booking_v1_HoldResult(buffer_arg) {
  return ferry_booking_v1_booking_pb.HoldResult.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_ferry_booking_v1_WatchSailingRequest(arg) {
  if (!(arg instanceof ferry_booking_v1_booking_pb.WatchSailingRequest)) {
    throw new Error('Expected argument of type ferry.booking.v1.WatchSailingRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_ferry_booking_v1_WatchSailingRequest(buffer_arg) {
  return ferry_booking_v1_booking_pb.WatchSailingRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_ferry_booking_v1_SailingStatus(arg) {
  if (!(arg instanceof ferry_booking_v1_booking_pb.SailingStatus)) {
    throw new Error('Expected argument of type ferry.booking.v1.SailingStatus');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_ferry_booking_v1_SailingStatus(buffer_arg) {
  return ferry_booking_v1_booking_pb.SailingStatus.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_ferry_booking_v1_GetFareRequest(arg) {
  return Buffer.from(arg.serializeBinary());
}

function deserialize_ferry_booking_v1_GetFareRequest(buffer_arg) {
  return ferry_booking_v1_booking_pb.GetFareRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_ferry_booking_v1_Fare(arg) {
  return Buffer.from(arg.serializeBinary());
}

function deserialize_ferry_booking_v1_Fare(buffer_arg) {
  return ferry_booking_v1_booking_pb.Fare.deserializeBinary(new Uint8Array(buffer_arg));
}


var BookingService = exports.BookingService = {
  holdSeats: {
    path: '/ferry.booking.v1.Booking/HoldSeats',
    requestStream: true,
    responseStream: true,
    requestType: ferry_booking_v1_booking_pb.HoldRequest,
    responseType: ferry_booking_v1_booking_pb.HoldResult,
    requestSerialize: serialize_ferry_booking_v1_HoldRequest,
    requestDeserialize: deserialize_ferry_booking_v1_HoldRequest,
    responseSerialize: serialize_ferry_booking_v1_HoldResult,
    responseDeserialize: deserialize_ferry_booking_v1_HoldResult,
  },
  watchSailing: {
    path: '/ferry.booking.v1.Booking/WatchSailing',
    requestStream: false,
    responseStream: true,
    requestType: ferry_booking_v1_booking_pb.WatchSailingRequest,
    responseType: ferry_booking_v1_booking_pb.SailingStatus,
    requestSerialize: serialize_ferry_booking_v1_WatchSailingRequest,
    requestDeserialize: deserialize_ferry_booking_v1_WatchSailingRequest,
    responseSerialize: serialize_ferry_booking_v1_SailingStatus,
    responseDeserialize: deserialize_ferry_booking_v1_SailingStatus,
  },
  getFare: {
    path: '/ferry.booking.v1.Booking/GetFare',
    requestStream: false,
    responseStream: false,
    requestType: ferry_booking_v1_booking_pb.GetFareRequest,
    responseType: ferry_booking_v1_booking_pb.Fare,
    requestSerialize: serialize_ferry_booking_v1_GetFareRequest,
    requestDeserialize: deserialize_ferry_booking_v1_GetFareRequest,
    responseSerialize: serialize_ferry_booking_v1_Fare,
    responseDeserialize: deserialize_ferry_booking_v1_Fare,
  },
};

exports.BookingClient = grpc.makeGenericClientConstructor(BookingService, 'Booking');
