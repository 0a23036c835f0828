// source: fleet/v1/console.proto
/**
 * @fileoverview
 * @enhanceable
 * @suppress {missingRequire} reports error on implicit type usages.
 * @public
 */
// GENERATED CODE -- DO NOT EDIT!
/* eslint-disable */
// @ts-nocheck

var jspb = require('google-protobuf');
var goog = jspb;
var global = (function() { return this || window || global || self || Function('return this')(); }).call(null);

goog.exportSymbol('proto.fleet.v1.Alert', null, global);
goog.exportSymbol('proto.fleet.v1.DeviceSummary', null, global);
goog.exportSymbol('proto.fleet.v1.ListDevicesRequest', null, global);
goog.exportSymbol('proto.fleet.v1.TailAlertsRequest', null, global);

proto.fleet.v1.ListDevicesRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.fleet.v1.ListDevicesRequest, jspb.Message);

proto.fleet.v1.ListDevicesRequest.prototype.getSite = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};

proto.fleet.v1.ListDevicesRequest.prototype.getLimit = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 2, 0));
};

proto.fleet.v1.DeviceSummary = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.fleet.v1.DeviceSummary, jspb.Message);

proto.fleet.v1.DeviceSummary.prototype.setDeviceId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.fleet.v1.DeviceSummary.prototype.setSite = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.fleet.v1.DeviceSummary.prototype.setStatus = function(value) {
  return jspb.Message.setProto3StringField(this, 3, value);
};
proto.fleet.v1.DeviceSummary.prototype.setLastSeenMs = function(value) {
  return jspb.Message.setProto3IntField(this, 4, value);
};

proto.fleet.v1.TailAlertsRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.fleet.v1.TailAlertsRequest, jspb.Message);

proto.fleet.v1.TailAlertsRequest.prototype.getSite = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.fleet.v1.TailAlertsRequest.prototype.getMinSeverity = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};

proto.fleet.v1.Alert = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.fleet.v1.Alert, jspb.Message);

proto.fleet.v1.Alert.prototype.setId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.fleet.v1.Alert.prototype.setDeviceId = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.fleet.v1.Alert.prototype.setSeverity = function(value) {
  return jspb.Message.setProto3StringField(this, 3, value);
};
proto.fleet.v1.Alert.prototype.setMessage = function(value) {
  return jspb.Message.setProto3StringField(this, 4, value);
};
proto.fleet.v1.Alert.prototype.setRaisedMs = function(value) {
  return jspb.Message.setProto3IntField(this, 5, value);
};

goog.object.extend(exports, proto.fleet.v1);
