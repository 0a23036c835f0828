// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var agent_v1_agent_pb = require('./agent_pb.js');

function serialize(type) {
  return function (arg) {
    if (!(arg instanceof agent_v1_agent_pb[type])) {
      throw new Error('Expected argument of type agent.v1.' + type);
    }
    return Buffer.from(arg.serializeBinary());
  };
}

function deserialize(type) {
  return function (buffer_arg) {
    return agent_v1_agent_pb[type].deserializeBinary(new Uint8Array(buffer_arg));
  };
}


var PrinterAgentService = exports.PrinterAgentService = {
  streamTelemetry: {
    path: '/agent.v1.PrinterAgent/StreamTelemetry',
    requestStream: false,
    responseStream: true,
    requestType: agent_v1_agent_pb.TelemetryRequest,
    responseType: agent_v1_agent_pb.Telemetry,
    requestSerialize: serialize('TelemetryRequest'),
    requestDeserialize: deserialize('TelemetryRequest'),
    responseSerialize: serialize('Telemetry'),
    responseDeserialize: deserialize('Telemetry'),
  },
  sendCommand: {
    path: '/agent.v1.PrinterAgent/SendCommand',
    requestStream: false,
    responseStream: false,
    requestType: agent_v1_agent_pb.Command,
    responseType: agent_v1_agent_pb.CommandResult,
    requestSerialize: serialize('Command'),
    requestDeserialize: deserialize('Command'),
    responseSerialize: serialize('CommandResult'),
    responseDeserialize: deserialize('CommandResult'),
  },
};

exports.PrinterAgentClient = grpc.makeGenericClientConstructor(PrinterAgentService, 'PrinterAgent');
