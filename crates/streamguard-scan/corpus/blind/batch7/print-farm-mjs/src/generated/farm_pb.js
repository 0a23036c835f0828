// source: farm/v1/farm.proto
/**
 * @fileoverview
 * @enhanceable
 * @public
 */
// GENERATED CODE -- DO NOT EDIT!
/* eslint-disable */
// @ts-nocheck

var jspb = require('google-protobuf');
var goog = jspb;
var global = (function() { return this || window || global || self || Function('return this')(); }).call(null);

goog.exportSymbol('proto.farm.v1.WatchPrinterRequest', null, global);
goog.exportSymbol('proto.farm.v1.PrinterStatus', null, global);
goog.exportSymbol('proto.farm.v1.GcodeChunk', null, global);
goog.exportSymbol('proto.farm.v1.UploadResult', null, global);
goog.exportSymbol('proto.farm.v1.ConsoleCommand', null, global);
goog.exportSymbol('proto.farm.v1.ConsoleEvent', null, global);
goog.exportSymbol('proto.farm.v1.GetPrinterRequest', null, global);
goog.exportSymbol('proto.farm.v1.Printer', null, global);

proto.farm.v1.WatchPrinterRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.WatchPrinterRequest, jspb.Message);
proto.farm.v1.WatchPrinterRequest.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.WatchPrinterRequest.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.WatchPrinterRequest.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.WatchPrinterRequest;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPrinterId(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.WatchPrinterRequest.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  return writer.getResultBuffer();
};

proto.farm.v1.PrinterStatus = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.PrinterStatus, jspb.Message);
proto.farm.v1.PrinterStatus.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.PrinterStatus.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.PrinterStatus.prototype.getState = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.farm.v1.PrinterStatus.prototype.setState = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.farm.v1.PrinterStatus.prototype.getNozzleC = function() { return jspb.Message.getFieldWithDefault(this, 3, 0.0); };
proto.farm.v1.PrinterStatus.prototype.setNozzleC = function(value) { return jspb.Message.setProto3FloatField(this, 3, value); };
proto.farm.v1.PrinterStatus.prototype.getBedC = function() { return jspb.Message.getFieldWithDefault(this, 4, 0.0); };
proto.farm.v1.PrinterStatus.prototype.setBedC = function(value) { return jspb.Message.setProto3FloatField(this, 4, value); };
proto.farm.v1.PrinterStatus.prototype.getProgress = function() { return jspb.Message.getFieldWithDefault(this, 5, 0.0); };
proto.farm.v1.PrinterStatus.prototype.setProgress = function(value) { return jspb.Message.setProto3FloatField(this, 5, value); };
proto.farm.v1.PrinterStatus.prototype.getUnixMs = function() { return jspb.Message.getFieldWithDefault(this, 6, 0); };
proto.farm.v1.PrinterStatus.prototype.setUnixMs = function(value) { return jspb.Message.setProto3IntField(this, 6, value); };
proto.farm.v1.PrinterStatus.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.PrinterStatus;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPrinterId(reader.readString()); break;
    case 2: msg.setState(reader.readString()); break;
    case 3: msg.setNozzleC(reader.readFloat()); break;
    case 4: msg.setBedC(reader.readFloat()); break;
    case 5: msg.setProgress(reader.readFloat()); break;
    case 6: msg.setUnixMs(reader.readInt64()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.PrinterStatus.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  if (this.getState()) writer.writeString(2, this.getState());
  if (this.getNozzleC()) writer.writeFloat(3, this.getNozzleC());
  if (this.getBedC()) writer.writeFloat(4, this.getBedC());
  if (this.getProgress()) writer.writeFloat(5, this.getProgress());
  if (this.getUnixMs()) writer.writeInt64(6, this.getUnixMs());
  return writer.getResultBuffer();
};

proto.farm.v1.GcodeChunk = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.GcodeChunk, jspb.Message);
proto.farm.v1.GcodeChunk.prototype.getJobName = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.GcodeChunk.prototype.setJobName = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.GcodeChunk.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.farm.v1.GcodeChunk.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.farm.v1.GcodeChunk.prototype.getData = function() { return jspb.Message.getFieldWithDefault(this, 3, ""); };
proto.farm.v1.GcodeChunk.prototype.setData = function(value) { return jspb.Message.setProto3BytesField(this, 3, value); };
proto.farm.v1.GcodeChunk.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.GcodeChunk;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setJobName(reader.readString()); break;
    case 2: msg.setPrinterId(reader.readString()); break;
    case 3: msg.setData(reader.readBytes()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.GcodeChunk.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getJobName()) writer.writeString(1, this.getJobName());
  if (this.getPrinterId()) writer.writeString(2, this.getPrinterId());
  if (this.getData()) writer.writeBytes(3, this.getData());
  return writer.getResultBuffer();
};

proto.farm.v1.UploadResult = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.UploadResult, jspb.Message);
proto.farm.v1.UploadResult.prototype.getJobId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.UploadResult.prototype.setJobId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.UploadResult.prototype.getBytes = function() { return jspb.Message.getFieldWithDefault(this, 2, 0); };
proto.farm.v1.UploadResult.prototype.setBytes = function(value) { return jspb.Message.setProto3IntField(this, 2, value); };
proto.farm.v1.UploadResult.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.UploadResult;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setJobId(reader.readString()); break;
    case 2: msg.setBytes(reader.readInt64()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.UploadResult.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getJobId()) writer.writeString(1, this.getJobId());
  if (this.getBytes()) writer.writeInt64(2, this.getBytes());
  return writer.getResultBuffer();
};

proto.farm.v1.ConsoleCommand = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.ConsoleCommand, jspb.Message);
proto.farm.v1.ConsoleCommand.prototype.getRequestId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.ConsoleCommand.prototype.setRequestId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.ConsoleCommand.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.farm.v1.ConsoleCommand.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.farm.v1.ConsoleCommand.prototype.getAction = function() { return jspb.Message.getFieldWithDefault(this, 3, ""); };
proto.farm.v1.ConsoleCommand.prototype.setAction = function(value) { return jspb.Message.setProto3StringField(this, 3, value); };
proto.farm.v1.ConsoleCommand.prototype.getTargetC = function() { return jspb.Message.getFieldWithDefault(this, 4, 0.0); };
proto.farm.v1.ConsoleCommand.prototype.setTargetC = function(value) { return jspb.Message.setProto3FloatField(this, 4, value); };
proto.farm.v1.ConsoleCommand.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.ConsoleCommand;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setRequestId(reader.readString()); break;
    case 2: msg.setPrinterId(reader.readString()); break;
    case 3: msg.setAction(reader.readString()); break;
    case 4: msg.setTargetC(reader.readFloat()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.ConsoleCommand.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getRequestId()) writer.writeString(1, this.getRequestId());
  if (this.getPrinterId()) writer.writeString(2, this.getPrinterId());
  if (this.getAction()) writer.writeString(3, this.getAction());
  if (this.getTargetC()) writer.writeFloat(4, this.getTargetC());
  return writer.getResultBuffer();
};

proto.farm.v1.ConsoleEvent = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.ConsoleEvent, jspb.Message);
proto.farm.v1.ConsoleEvent.prototype.getRequestId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.ConsoleEvent.prototype.setRequestId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.ConsoleEvent.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.farm.v1.ConsoleEvent.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.farm.v1.ConsoleEvent.prototype.getStatus = function() { return jspb.Message.getFieldWithDefault(this, 3, ""); };
proto.farm.v1.ConsoleEvent.prototype.setStatus = function(value) { return jspb.Message.setProto3StringField(this, 3, value); };
proto.farm.v1.ConsoleEvent.prototype.getMessage = function() { return jspb.Message.getFieldWithDefault(this, 4, ""); };
proto.farm.v1.ConsoleEvent.prototype.setMessage = function(value) { return jspb.Message.setProto3StringField(this, 4, value); };
proto.farm.v1.ConsoleEvent.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.ConsoleEvent;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setRequestId(reader.readString()); break;
    case 2: msg.setPrinterId(reader.readString()); break;
    case 3: msg.setStatus(reader.readString()); break;
    case 4: msg.setMessage(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.ConsoleEvent.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getRequestId()) writer.writeString(1, this.getRequestId());
  if (this.getPrinterId()) writer.writeString(2, this.getPrinterId());
  if (this.getStatus()) writer.writeString(3, this.getStatus());
  if (this.getMessage()) writer.writeString(4, this.getMessage());
  return writer.getResultBuffer();
};

proto.farm.v1.GetPrinterRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.GetPrinterRequest, jspb.Message);
proto.farm.v1.GetPrinterRequest.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.GetPrinterRequest.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.GetPrinterRequest.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.GetPrinterRequest;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPrinterId(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.GetPrinterRequest.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  return writer.getResultBuffer();
};

proto.farm.v1.Printer = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.farm.v1.Printer, jspb.Message);
proto.farm.v1.Printer.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.farm.v1.Printer.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.farm.v1.Printer.prototype.getModel = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.farm.v1.Printer.prototype.setModel = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.farm.v1.Printer.prototype.getSite = function() { return jspb.Message.getFieldWithDefault(this, 3, ""); };
proto.farm.v1.Printer.prototype.setSite = function(value) { return jspb.Message.setProto3StringField(this, 3, value); };
proto.farm.v1.Printer.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.farm.v1.Printer;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPrinterId(reader.readString()); break;
    case 2: msg.setModel(reader.readString()); break;
    case 3: msg.setSite(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.farm.v1.Printer.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  if (this.getModel()) writer.writeString(2, this.getModel());
  if (this.getSite()) writer.writeString(3, this.getSite());
  return writer.getResultBuffer();
};

goog.object.extend(exports, proto.farm.v1);
