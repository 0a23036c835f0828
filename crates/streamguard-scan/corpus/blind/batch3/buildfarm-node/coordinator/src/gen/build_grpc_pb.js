// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var build_v1_build_pb = require('./build_pb.js');

function serialize_build_v1_Action(arg) {
  if (!(arg instanceof build_v1_build_pb.Action)) {
    throw new Error('Expected argument of type build.v1.Action');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_Action(buffer_arg) {
  return build_v1_build_pb.Action.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_ActionAccepted(arg) {
  if (!(arg instanceof build_v1_build_pb.ActionAccepted)) {
    throw new Error('Expected argument of type build.v1.ActionAccepted');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_ActionAccepted(buffer_arg) {
  return build_v1_build_pb.ActionAccepted.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_Build(arg) {
  if (!(arg instanceof build_v1_build_pb.Build)) {
    throw new Error('Expected argument of type build.v1.Build');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_Build(buffer_arg) {
  return build_v1_build_pb.Build.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_GetBuildRequest(arg) {
  if (!(arg instanceof build_v1_build_pb.GetBuildRequest)) {
    throw new Error('Expected argument of type build.v1.GetBuildRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_GetBuildRequest(buffer_arg) {
  return build_v1_build_pb.GetBuildRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_LogChunk(arg) {
  if (!(arg instanceof build_v1_build_pb.LogChunk)) {
    throw new Error('Expected argument of type build.v1.LogChunk');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_LogChunk(buffer_arg) {
  return build_v1_build_pb.LogChunk.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_QueueSnapshot(arg) {
  if (!(arg instanceof build_v1_build_pb.QueueSnapshot)) {
    throw new Error('Expected argument of type build.v1.QueueSnapshot');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_QueueSnapshot(buffer_arg) {
  return build_v1_build_pb.QueueSnapshot.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_StreamBuildLogRequest(arg) {
  if (!(arg instanceof build_v1_build_pb.StreamBuildLogRequest)) {
    throw new Error('Expected argument of type build.v1.StreamBuildLogRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_StreamBuildLogRequest(buffer_arg) {
  return build_v1_build_pb.StreamBuildLogRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_build_v1_WatchQueueRequest(arg) {
  if (!(arg instanceof build_v1_build_pb.WatchQueueRequest)) {
    throw new Error('Expected argument of type build.v1.WatchQueueRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_build_v1_WatchQueueRequest(buffer_arg) {
  return build_v1_build_pb.WatchQueueRequest.deserializeBinary(new Uint8Array(buffer_arg));
}


var BuildCoordinatorService = exports.BuildCoordinatorService = {
  getBuild: {
    path: '/build.v1.BuildCoordinator/GetBuild',
    requestStream: false,
    responseStream: false,
    requestType: build_v1_build_pb.GetBuildRequest,
    responseType: build_v1_build_pb.Build,
    requestSerialize: serialize_build_v1_GetBuildRequest,
    requestDeserialize: deserialize_build_v1_GetBuildRequest,
    responseSerialize: serialize_build_v1_Build,
    responseDeserialize: deserialize_build_v1_Build,
  },
  streamBuildLog: {
    path: '/build.v1.BuildCoordinator/StreamBuildLog',
    requestStream: false,
    responseStream: true,
    requestType: build_v1_build_pb.StreamBuildLogRequest,
    responseType: build_v1_build_pb.LogChunk,
    requestSerialize: serialize_build_v1_StreamBuildLogRequest,
    requestDeserialize: deserialize_build_v1_StreamBuildLogRequest,
    responseSerialize: serialize_build_v1_LogChunk,
    responseDeserialize: deserialize_build_v1_LogChunk,
  },
  watchQueue: {
    path: '/build.v1.BuildCoordinator/WatchQueue',
    requestStream: false,
    responseStream: true,
    requestType: build_v1_build_pb.WatchQueueRequest,
    responseType: build_v1_build_pb.QueueSnapshot,
    requestSerialize: serialize_build_v1_WatchQueueRequest,
    requestDeserialize: deserialize_build_v1_WatchQueueRequest,
    responseSerialize: serialize_build_v1_QueueSnapshot,
    responseDeserialize: deserialize_build_v1_QueueSnapshot,
  },
  submitActions: {
    path: '/build.v1.BuildCoordinator/SubmitActions',
    requestStream: true,
    responseStream: true,
    requestType: build_v1_build_pb.Action,
    responseType: build_v1_build_pb.ActionAccepted,
    requestSerialize: serialize_build_v1_Action,
    requestDeserialize: deserialize_build_v1_Action,
    responseSerialize: serialize_build_v1_ActionAccepted,
    responseDeserialize: deserialize_build_v1_ActionAccepted,
  },
};

exports.BuildCoordinatorClient = grpc.makeGenericClientConstructor(BuildCoordinatorService, 'BuildCoordinator');
