// source: studio.proto
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
var global = Function('return this')();

goog.exportSymbol('proto.tattoo.studio.v1.WatchChairRequest', null, global);
goog.exportSymbol('proto.tattoo.studio.v1.ChairEvent', null, global);
goog.exportSymbol('proto.tattoo.studio.v1.ListAppointmentsRequest', null, global);
goog.exportSymbol('proto.tattoo.studio.v1.Appointment', null, global);

proto.tattoo.studio.v1.WatchChairRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.tattoo.studio.v1.WatchChairRequest, jspb.Message);

proto.tattoo.studio.v1.WatchChairRequest.prototype.getStudioId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.tattoo.studio.v1.WatchChairRequest.prototype.setStudioId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.tattoo.studio.v1.WatchChairRequest.prototype.getChairId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.tattoo.studio.v1.WatchChairRequest.prototype.setChairId = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};

// ... (serializeBinary / deserializeBinary and the other messages elided)

goog.object.extend(exports, proto.tattoo.studio.v1);
