// GENERATED CODE -- DO NOT EDIT!

'use strict';
var grpc = require('@grpc/grpc-js');
var farm_v1_farm_pb = require('./farm_pb.js');

function serialize(type) {
  return function (arg) {
    if (!(arg instanceof farm_v1_farm_pb[type])) {
      throw new Error('Expected argument of type farm.v1.' + type);
    }
    return Buffer.from(arg.serializeBinary());
  };
}

function deserialize(type) {
  return function (buffer_arg) {
    return farm_v1_farm_pb[type].deserializeBinary(new Uint8Array(buffer_arg));
  };
}


var PrintFarmService = exports.PrintFarmService = {
  watchPrinter: {
    path: '/farm.v1.PrintFarm/WatchPrinter',
    requestStream: false,
    responseStream: true,
    requestType: farm_v1_farm_pb.WatchPrinterRequest,
    responseType: farm_v1_farm_pb.PrinterStatus,
    requestSerialize: serialize('WatchPrinterRequest'),
    requestDeserialize: deserialize('WatchPrinterRequest'),
    responseSerialize: serialize('PrinterStatus'),
    responseDeserialize: deserialize('PrinterStatus'),
  },
  uploadGcode: {
    path: '/farm.v1.PrintFarm/UploadGcode',
    requestStream: true,
    responseStream: false,
    requestType: farm_v1_farm_pb.GcodeChunk,
    responseType: farm_v1_farm_pb.UploadResult,
    requestSerialize: serialize('GcodeChunk'),
    requestDeserialize: deserialize('GcodeChunk'),
    responseSerialize: serialize('UploadResult'),
    responseDeserialize: deserialize('UploadResult'),
  },
  operatorConsole: {
    path: '/farm.v1.PrintFarm/OperatorConsole',
    requestStream: true,
    responseStream: true,
    requestType: farm_v1_farm_pb.ConsoleCommand,
    responseType: farm_v1_farm_pb.ConsoleEvent,
    requestSerialize: serialize('ConsoleCommand'),
    requestDeserialize: deserialize('ConsoleCommand'),
    responseSerialize: serialize('ConsoleEvent'),
    responseDeserialize: deserialize('ConsoleEvent'),
  },
  getPrinter: {
    path: '/farm.v1.PrintFarm/GetPrinter',
    requestStream: false,
    responseStream: false,
    requestType: farm_v1_farm_pb.GetPrinterRequest,
    responseType: farm_v1_farm_pb.Printer,
    requestSerialize: serialize('GetPrinterRequest'),
    requestDeserialize: deserialize('GetPrinterRequest'),
    responseSerialize: serialize('Printer'),
    responseDeserialize: deserialize('Printer'),
  },
};

exports.PrintFarmClient = grpc.makeGenericClientConstructor(PrintFarmService, 'PrintFarm');
