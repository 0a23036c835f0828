// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var studio_v1_classes_pb = require('./classes_pb.js');

function serialize_studio_v1_ClassInfo(arg) {
  if (!(arg instanceof studio_v1_classes_pb.ClassInfo)) {
    throw new Error('Expected argument of type studio.v1.ClassInfo');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_ClassInfo(buffer_arg) {
  return studio_v1_classes_pb.ClassInfo.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_GetClassRequest(arg) {
  if (!(arg instanceof studio_v1_classes_pb.GetClassRequest)) {
    throw new Error('Expected argument of type studio.v1.GetClassRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_GetClassRequest(buffer_arg) {
  return studio_v1_classes_pb.GetClassRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_LeaderboardFrame(arg) {
  if (!(arg instanceof studio_v1_classes_pb.LeaderboardFrame)) {
    throw new Error('Expected argument of type studio.v1.LeaderboardFrame');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_LeaderboardFrame(buffer_arg) {
  return studio_v1_classes_pb.LeaderboardFrame.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_RideFileChunk(arg) {
  if (!(arg instanceof studio_v1_classes_pb.RideFileChunk)) {
    throw new Error('Expected argument of type studio.v1.RideFileChunk');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_RideFileChunk(buffer_arg) {
  return studio_v1_classes_pb.RideFileChunk.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_RiderMessage(arg) {
  if (!(arg instanceof studio_v1_classes_pb.RiderMessage)) {
    throw new Error('Expected argument of type studio.v1.RiderMessage');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_RiderMessage(buffer_arg) {
  return studio_v1_classes_pb.RiderMessage.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_StudioMessage(arg) {
  if (!(arg instanceof studio_v1_classes_pb.StudioMessage)) {
    throw new Error('Expected argument of type studio.v1.StudioMessage');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_StudioMessage(buffer_arg) {
  return studio_v1_classes_pb.StudioMessage.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_TopRecordsReply(arg) {
  if (!(arg instanceof studio_v1_classes_pb.TopRecordsReply)) {
    throw new Error('Expected argument of type studio.v1.TopRecordsReply');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_TopRecordsReply(buffer_arg) {
  return studio_v1_classes_pb.TopRecordsReply.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_TopRecordsRequest(arg) {
  if (!(arg instanceof studio_v1_classes_pb.TopRecordsRequest)) {
    throw new Error('Expected argument of type studio.v1.TopRecordsRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_TopRecordsRequest(buffer_arg) {
  return studio_v1_classes_pb.TopRecordsRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_UploadReceipt(arg) {
  if (!(arg instanceof studio_v1_classes_pb.UploadReceipt)) {
    throw new Error('Expected argument of type studio.v1.UploadReceipt');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_UploadReceipt(buffer_arg) {
  return studio_v1_classes_pb.UploadReceipt.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_studio_v1_WatchLeaderboardRequest(arg) {
  if (!(arg instanceof studio_v1_classes_pb.WatchLeaderboardRequest)) {
    throw new Error('Expected argument of type studio.v1.WatchLeaderboardRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_studio_v1_WatchLeaderboardRequest(buffer_arg) {
  return studio_v1_classes_pb.WatchLeaderboardRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

var StudioService = exports.StudioService = {
  getClass: {
    path: '/studio.v1.Studio/GetClass',
    requestStream: false,
    responseStream: false,
    requestType: studio_v1_classes_pb.GetClassRequest,
    responseType: studio_v1_classes_pb.ClassInfo,
    requestSerialize: serialize_studio_v1_GetClassRequest,
    requestDeserialize: deserialize_studio_v1_GetClassRequest,
    responseSerialize: serialize_studio_v1_ClassInfo,
    responseDeserialize: deserialize_studio_v1_ClassInfo,
  },
  rideSession: {
    path: '/studio.v1.Studio/RideSession',
    requestStream: true,
    responseStream: true,
    requestType: studio_v1_classes_pb.RiderMessage,
    responseType: studio_v1_classes_pb.StudioMessage,
    requestSerialize: serialize_studio_v1_RiderMessage,
    requestDeserialize: deserialize_studio_v1_RiderMessage,
    responseSerialize: serialize_studio_v1_StudioMessage,
    responseDeserialize: deserialize_studio_v1_StudioMessage,
  },
  watchLeaderboard: {
    path: '/studio.v1.Studio/WatchLeaderboard',
    requestStream: false,
    responseStream: true,
    requestType: studio_v1_classes_pb.WatchLeaderboardRequest,
    responseType: studio_v1_classes_pb.LeaderboardFrame,
    requestSerialize: serialize_studio_v1_WatchLeaderboardRequest,
    requestDeserialize: deserialize_studio_v1_WatchLeaderboardRequest,
    responseSerialize: serialize_studio_v1_LeaderboardFrame,
    responseDeserialize: deserialize_studio_v1_LeaderboardFrame,
  },
  uploadRideFile: {
    path: '/studio.v1.Studio/UploadRideFile',
    requestStream: true,
    responseStream: false,
    requestType: studio_v1_classes_pb.RideFileChunk,
    responseType: studio_v1_classes_pb.UploadReceipt,
    requestSerialize: serialize_studio_v1_RideFileChunk,
    requestDeserialize: deserialize_studio_v1_RideFileChunk,
    responseSerialize: serialize_studio_v1_UploadReceipt,
    responseDeserialize: deserialize_studio_v1_UploadReceipt,
  },
};

exports.StudioClient = grpc.makeGenericClientConstructor(StudioService, 'Studio');

var StatsService = exports.StatsService = {
  topRecords: {
    path: '/studio.v1.Stats/TopRecords',
    requestStream: false,
    responseStream: false,
    requestType: studio_v1_classes_pb.TopRecordsRequest,
    responseType: studio_v1_classes_pb.TopRecordsReply,
    requestSerialize: serialize_studio_v1_TopRecordsRequest,
    requestDeserialize: deserialize_studio_v1_TopRecordsRequest,
    responseSerialize: serialize_studio_v1_TopRecordsReply,
    responseDeserialize: deserialize_studio_v1_TopRecordsReply,
  },
};

exports.StatsClient = grpc.makeGenericClientConstructor(StatsService, 'Stats');

