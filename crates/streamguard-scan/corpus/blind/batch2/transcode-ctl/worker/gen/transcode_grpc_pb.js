// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var transcode_pb = require('./transcode_pb.js');

function serialize_vidpipe_transcode_v1_JobProgress(arg) {
  if (!(arg instanceof transcode_pb.JobProgress)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.JobProgress');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_JobProgress(buffer_arg) {
  return transcode_pb.JobProgress.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_KillJobRequest(arg) {
  if (!(arg instanceof transcode_pb.KillJobRequest)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.KillJobRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_KillJobRequest(buffer_arg) {
  return transcode_pb.KillJobRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_KillJobResponse(arg) {
  if (!(arg instanceof transcode_pb.KillJobResponse)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.KillJobResponse');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_KillJobResponse(buffer_arg) {
  return transcode_pb.KillJobResponse.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_LogChunk(arg) {
  if (!(arg instanceof transcode_pb.LogChunk)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.LogChunk');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_LogChunk(buffer_arg) {
  return transcode_pb.LogChunk.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_StartJobRequest(arg) {
  if (!(arg instanceof transcode_pb.StartJobRequest)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.StartJobRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_StartJobRequest(buffer_arg) {
  return transcode_pb.StartJobRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_StartJobResponse(arg) {
  if (!(arg instanceof transcode_pb.StartJobResponse)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.StartJobResponse');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_StartJobResponse(buffer_arg) {
  return transcode_pb.StartJobResponse.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_TailRequest(arg) {
  if (!(arg instanceof transcode_pb.TailRequest)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.TailRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_TailRequest(buffer_arg) {
  return transcode_pb.TailRequest.deserializeBinary(new Uint8Array(buffer_arg));
}

function serialize_vidpipe_transcode_v1_WatchJobRequest(arg) {
  if (!(arg instanceof transcode_pb.WatchJobRequest)) {
    throw new Error('Expected argument of type vidpipe.transcode.v1.WatchJobRequest');
  }
  return Buffer.from(arg.serializeBinary());
}

function deserialize_vidpipe_transcode_v1_WatchJobRequest(buffer_arg) {
  return transcode_pb.WatchJobRequest.deserializeBinary(new Uint8Array(buffer_arg));
}


var WorkerService = exports.WorkerService = {
  startJob: {
    path: '/vidpipe.transcode.v1.Worker/StartJob',
    requestStream: false,
    responseStream: false,
    requestType: transcode_pb.StartJobRequest,
    responseType: transcode_pb.StartJobResponse,
    requestSerialize: serialize_vidpipe_transcode_v1_StartJobRequest,
    requestDeserialize: deserialize_vidpipe_transcode_v1_StartJobRequest,
    responseSerialize: serialize_vidpipe_transcode_v1_StartJobResponse,
    responseDeserialize: deserialize_vidpipe_transcode_v1_StartJobResponse,
  },
  watchJob: {
    path: '/vidpipe.transcode.v1.Worker/WatchJob',
    requestStream: false,
    responseStream: true,
    requestType: transcode_pb.WatchJobRequest,
    responseType: transcode_pb.JobProgress,
    requestSerialize: serialize_vidpipe_transcode_v1_WatchJobRequest,
    requestDeserialize: deserialize_vidpipe_transcode_v1_WatchJobRequest,
    responseSerialize: serialize_vidpipe_transcode_v1_JobProgress,
    responseDeserialize: deserialize_vidpipe_transcode_v1_JobProgress,
  },
  tailFfmpegLog: {
    path: '/vidpipe.transcode.v1.Worker/TailFfmpegLog',
    requestStream: false,
    responseStream: true,
    requestType: transcode_pb.TailRequest,
    responseType: transcode_pb.LogChunk,
    requestSerialize: serialize_vidpipe_transcode_v1_TailRequest,
    requestDeserialize: deserialize_vidpipe_transcode_v1_TailRequest,
    responseSerialize: serialize_vidpipe_transcode_v1_LogChunk,
    responseDeserialize: deserialize_vidpipe_transcode_v1_LogChunk,
  },
  killJob: {
    path: '/vidpipe.transcode.v1.Worker/KillJob',
    requestStream: false,
    responseStream: false,
    requestType: transcode_pb.KillJobRequest,
    responseType: transcode_pb.KillJobResponse,
    requestSerialize: serialize_vidpipe_transcode_v1_KillJobRequest,
    requestDeserialize: deserialize_vidpipe_transcode_v1_KillJobRequest,
    responseSerialize: serialize_vidpipe_transcode_v1_KillJobResponse,
    responseDeserialize: deserialize_vidpipe_transcode_v1_KillJobResponse,
  },
};

exports.WorkerClient = grpc.makeGenericClientConstructor(WorkerService);
