// source: ferry/booking/v1/booking.proto
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
var global = (typeof globalThis !== 'undefined' && globalThis) || Function('return this')();

goog.exportSymbol('proto.ferry.booking.v1.Fare', null, global);
goog.exportSymbol('proto.ferry.booking.v1.GetFareRequest', null, global);
goog.exportSymbol('proto.ferry.booking.v1.HoldRequest', null, global);
goog.exportSymbol('proto.ferry.booking.v1.HoldResult', null, global);
goog.exportSymbol('proto.ferry.booking.v1.SailingStatus', null, global);
goog.exportSymbol('proto.ferry.booking.v1.WatchSailingRequest', null, global);

proto.ferry.booking.v1.HoldRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.ferry.booking.v1.HoldRequest, jspb.Message);

proto.ferry.booking.v1.HoldRequest.prototype.getRequestId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.ferry.booking.v1.HoldRequest.prototype.getSailingId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.ferry.booking.v1.HoldRequest.prototype.getAction = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 3, ""));
};
proto.ferry.booking.v1.HoldRequest.prototype.getPassengers = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 4, 0));
};
proto.ferry.booking.v1.HoldRequest.prototype.getVehicleLengthDm = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 5, 0));
};
proto.ferry.booking.v1.HoldRequest.prototype.getHoldId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 6, ""));
};

proto.ferry.booking.v1.HoldResult = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.ferry.booking.v1.HoldResult, jspb.Message);
proto.ferry.booking.v1.HoldResult.prototype.setRequestId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.ferry.booking.v1.HoldResult.prototype.setHoldId = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.ferry.booking.v1.HoldResult.prototype.setOk = function(value) { return jspb.Message.setProto3BooleanField(this, 3, value); };
proto.ferry.booking.v1.HoldResult.prototype.setStatus = function(value) { return jspb.Message.setProto3StringField(this, 4, value); };
proto.ferry.booking.v1.HoldResult.prototype.setExpiresUnixMs = function(value) { return jspb.Message.setProto3IntField(this, 5, value); };

proto.ferry.booking.v1.WatchSailingRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.ferry.booking.v1.WatchSailingRequest, jspb.Message);
proto.ferry.booking.v1.WatchSailingRequest.prototype.getSailingId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};

proto.ferry.booking.v1.SailingStatus = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.ferry.booking.v1.SailingStatus, jspb.Message);
proto.ferry.booking.v1.SailingStatus.prototype.setSailingId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.ferry.booking.v1.SailingStatus.prototype.setState = function(value) { return jspb.Message.setProto3StringField(this, 2, value); };
proto.ferry.booking.v1.SailingStatus.prototype.setLat = function(value) { return jspb.Message.setProto3FloatField(this, 3, value); };
proto.ferry.booking.v1.SailingStatus.prototype.setLon = function(value) { return jspb.Message.setProto3FloatField(this, 4, value); };
proto.ferry.booking.v1.SailingStatus.prototype.setDelayMinutes = function(value) { return jspb.Message.setProto3IntField(this, 5, value); };
proto.ferry.booking.v1.SailingStatus.prototype.setUnixMs = function(value) { return jspb.Message.setProto3IntField(this, 6, value); };

// GetFareRequest / Fare accessors and the binary (de)serializers of every
// message are omitted here (abbreviated generator output).

goog.object.extend(exports, proto.ferry.booking.v1);
