// source: classes.proto
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

goog.exportSymbol('proto.studio.v1.GetClassRequest', null, global);
goog.exportSymbol('proto.studio.v1.Join', null, global);
proto.studio.v1.GetClassRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.studio.v1.GetClassRequest, jspb.Message);
proto.studio.v1.GetClassRequest.prototype.getClassId = function() {
  return jspb.Message.getFieldWithDefault(this, 1, "");
};
proto.studio.v1.GetClassRequest.prototype.setClassId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.studio.v1.GetClassRequest.prototype.getJoin = function() {
  return jspb.Message.getFieldWithDefault(this, 1, "");
};
proto.studio.v1.GetClassRequest.prototype.setJoin = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.studio.v1.GetClassRequest.prototype.getMetrics = function() {
  return jspb.Message.getFieldWithDefault(this, 2, "");
};
proto.studio.v1.GetClassRequest.prototype.setMetrics = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.studio.v1.GetClassRequest.prototype.getHighFive = function() {
  return jspb.Message.getFieldWithDefault(this, 3, "");
};
proto.studio.v1.GetClassRequest.prototype.setHighFive = function(value) {
  return jspb.Message.setProto3StringField(this, 3, value);
};
// serializeBinary / deserializeBinary for GetClassRequest elided
proto.studio.v1.Join = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.studio.v1.Join, jspb.Message);
proto.studio.v1.Join.prototype.getClassId = function() {
  return jspb.Message.getFieldWithDefault(this, 1, "");
};
proto.studio.v1.Join.prototype.setClassId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.studio.v1.Join.prototype.getLeaderboard = function() {
  return jspb.Message.getFieldWithDefault(this, 1, "");
};
proto.studio.v1.Join.prototype.setLeaderboard = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.studio.v1.Join.prototype.getCue = function() {
  return jspb.Message.getFieldWithDefault(this, 2, "");
};
proto.studio.v1.Join.prototype.setCue = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.studio.v1.Join.prototype.getHighFive = function() {
  return jspb.Message.getFieldWithDefault(this, 3, "");
};
proto.studio.v1.Join.prototype.setHighFive = function(value) {
  return jspb.Message.setProto3StringField(this, 3, value);
};
proto.studio.v1.Join.prototype.getError = function() {
  return jspb.Message.getFieldWithDefault(this, 4, "");
};
proto.studio.v1.Join.prototype.setError = function(value) {
  return jspb.Message.setProto3StringField(this, 4, value);
};
// serializeBinary / deserializeBinary for Join elided
goog.object.extend(exports, proto.studio.v1);
