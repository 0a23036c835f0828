// source: agent/v1/agent.proto
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

goog.exportSymbol('proto.agent.v1.TelemetryRequest', null, global);
goog.exportSymbol('proto.agent.v1.Telemetry', null, global);
goog.exportSymbol('proto.agent.v1.Command', null, global);
goog.exportSymbol('proto.agent.v1.CommandResult', null, global);

proto.agent.v1.TelemetryRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.agent.v1.TelemetryRequest, jspb.Message);
proto.agent.v1.TelemetryRequest.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.agent.v1.TelemetryRequest.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.agent.v1.TelemetryRequest.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.agent.v1.TelemetryRequest;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPrinterId(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.agent.v1.TelemetryRequest.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  return writer.getResultBuffer();
};

proto.agent.v1.Telemetry = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.agent.v1.Telemetry, jspb.Message);
proto.agent.v1.Telemetry.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.agent.v1.Telemetry.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.agent.v1.Telemetry.prototype.getState = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.agent.v1.Telemetry.prototype.setState = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.agent.v1.Telemetry.prototype.getNozzleC = function() { return jspb.Message.getFieldWithDefault(this, 3, 0.0); };
proto.agent.v1.Telemetry.prototype.setNozzleC = function(value) { return jspb.Message.setProto3FloatField(this, 3, value); };
proto.agent.v1.Telemetry.prototype.getBedC = function() { return jspb.Message.getFieldWithDefault(this, 4, 0.0); };
proto.agent.v1.Telemetry.prototype.setBedC = function(value) { return jspb.Message.setProto3FloatField(this, 4, value); };
proto.agent.v1.Telemetry.prototype.getProgress = function() { return jspb.Message.getFieldWithDefault(this, 5, 0.0); };
proto.agent.v1.Telemetry.prototype.setProgress = function(value) { return jspb.Message.setProto3FloatField(this, 5, value); };
proto.agent.v1.Telemetry.prototype.getUnixMs = function() { return jspb.Message.getFieldWithDefault(this, 6, 0); };
proto.agent.v1.Telemetry.prototype.setUnixMs = function(value) { return jspb.Message.setProto3IntField(this, 6, value); };
proto.agent.v1.Telemetry.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.agent.v1.Telemetry;
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
proto.agent.v1.Telemetry.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  if (this.getState()) writer.writeString(2, this.getState());
  if (this.getNozzleC()) writer.writeFloat(3, this.getNozzleC());
  if (this.getBedC()) writer.writeFloat(4, this.getBedC());
  if (this.getProgress()) writer.writeFloat(5, this.getProgress());
  if (this.getUnixMs()) writer.writeInt64(6, this.getUnixMs());
  return writer.getResultBuffer();
};

proto.agent.v1.Command = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.agent.v1.Command, jspb.Message);
proto.agent.v1.Command.prototype.getPrinterId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.agent.v1.Command.prototype.setPrinterId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.agent.v1.Command.prototype.getAction = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.agent.v1.Command.prototype.setAction = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.agent.v1.Command.prototype.getTargetC = function() { return jspb.Message.getFieldWithDefault(this, 3, 0.0); };
proto.agent.v1.Command.prototype.setTargetC = function(value) { return jspb.Message.setProto3FloatField(this, 3, value); };
proto.agent.v1.Command.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.agent.v1.Command;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPrinterId(reader.readString()); break;
    case 2: msg.setAction(reader.readString()); break;
    case 3: msg.setTargetC(reader.readFloat()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.agent.v1.Command.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getPrinterId()) writer.writeString(1, this.getPrinterId());
  if (this.getAction()) writer.writeString(2, this.getAction());
  if (this.getTargetC()) writer.writeFloat(3, this.getTargetC());
  return writer.getResultBuffer();
};

proto.agent.v1.CommandResult = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.agent.v1.CommandResult, jspb.Message);
proto.agent.v1.CommandResult.prototype.getStatus = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.agent.v1.CommandResult.prototype.setStatus = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.agent.v1.CommandResult.prototype.getMessage = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.agent.v1.CommandResult.prototype.setMessage = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.agent.v1.CommandResult.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.agent.v1.CommandResult;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setStatus(reader.readString()); break;
    case 2: msg.setMessage(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.agent.v1.CommandResult.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  if (this.getStatus()) writer.writeString(1, this.getStatus());
  if (this.getMessage()) writer.writeString(2, this.getMessage());
  return writer.getResultBuffer();
};

goog.object.extend(exports, proto.agent.v1);
