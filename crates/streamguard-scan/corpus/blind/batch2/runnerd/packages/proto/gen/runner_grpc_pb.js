// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var runner_pb = require('./runner_pb.js');

function serialize(type) {
  return function (arg) {
    if (!(arg instanceof runner_pb[type])) {
      throw new Error('Expected argument of type runnerd.v1.' + type);
    }
    return Buffer.from(arg.serializeBinary());
  };
}

function deserialize(type) {
  return function (buffer_arg) {
    return runner_pb[type].deserializeBinary(new Uint8Array(buffer_arg));
  };
}

var CoordinatorService = exports.CoordinatorService = {
  attach: {
    path: '/runnerd.v1.Coordinator/Attach',
    requestStream: true,
    responseStream: true,
    requestType: runner_pb.RunnerMessage,
    responseType: runner_pb.CoordinatorMessage,
    requestSerialize: serialize('RunnerMessage'),
    requestDeserialize: deserialize('RunnerMessage'),
    responseSerialize: serialize('CoordinatorMessage'),
    responseDeserialize: deserialize('CoordinatorMessage'),
  },
  streamPoolLogs: {
    path: '/runnerd.v1.Coordinator/StreamPoolLogs',
    requestStream: false,
    responseStream: true,
    requestType: runner_pb.PoolLogsRequest,
    responseType: runner_pb.LogLine,
    requestSerialize: serialize('PoolLogsRequest'),
    requestDeserialize: deserialize('PoolLogsRequest'),
    responseSerialize: serialize('LogLine'),
    responseDeserialize: deserialize('LogLine'),
  },
  getJob: {
    path: '/runnerd.v1.Coordinator/GetJob',
    requestStream: false,
    responseStream: false,
    requestType: runner_pb.GetJobRequest,
    responseType: runner_pb.Job,
    requestSerialize: serialize('GetJobRequest'),
    requestDeserialize: deserialize('GetJobRequest'),
    responseSerialize: serialize('Job'),
    responseDeserialize: deserialize('Job'),
  },
};

exports.CoordinatorClient = grpc.makeGenericClientConstructor(CoordinatorService);
