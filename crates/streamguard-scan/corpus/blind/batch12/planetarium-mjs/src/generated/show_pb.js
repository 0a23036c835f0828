// source: show.proto
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

goog.exportSymbol('proto.planetarium.show.v1.CueAck', null, global);
goog.exportSymbol('proto.planetarium.show.v1.CueCommand', null, global);
goog.exportSymbol('proto.planetarium.show.v1.CueEvent', null, global);
goog.exportSymbol('proto.planetarium.show.v1.ExportLogRequest', null, global);
goog.exportSymbol('proto.planetarium.show.v1.WatchShowRequest', null, global);

proto.planetarium.show.v1.CueCommand = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.planetarium.show.v1.CueCommand, jspb.Message);

proto.planetarium.show.v1.CueCommand.prototype.getRequestId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.planetarium.show.v1.CueCommand.prototype.getDomeId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.planetarium.show.v1.CueCommand.prototype.getShowId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 3, ""));
};
proto.planetarium.show.v1.CueCommand.prototype.getCue = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 4, 0));
};
proto.planetarium.show.v1.CueCommand.prototype.getAction = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 5, ""));
};

// ... remaining message classes, serializeBinary / deserializeBinary elided ...

goog.object.extend(exports, proto.planetarium.show.v1);
