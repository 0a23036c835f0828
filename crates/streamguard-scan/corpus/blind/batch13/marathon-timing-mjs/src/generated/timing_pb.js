// source: timing.proto
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

goog.exportSymbol('proto.timing.v1.ChipRead', null, global);
goog.exportSymbol('proto.timing.v1.FeedSummary', null, global);
goog.exportSymbol('proto.timing.v1.FollowRunnerRequest', null, global);
goog.exportSymbol('proto.timing.v1.Split', null, global);
goog.exportSymbol('proto.timing.v1.WatchLeaderboardRequest', null, global);
goog.exportSymbol('proto.timing.v1.Leaderboard', null, global);
goog.exportSymbol('proto.timing.v1.Entry', null, global);
goog.exportSymbol('proto.timing.v1.RelayAck', null, global);

proto.timing.v1.ChipRead = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.timing.v1.ChipRead, jspb.Message);

proto.timing.v1.ChipRead.prototype.getMatId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.timing.v1.ChipRead.prototype.setMatId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.timing.v1.ChipRead.prototype.getChipId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.timing.v1.ChipRead.prototype.getReadUnixMs = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 3, 0));
};
proto.timing.v1.ChipRead.prototype.getRssi = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 4, 0));
};

// ... serializeBinary / deserializeBinary and the remaining messages
// (FeedSummary, FollowRunnerRequest, Split, WatchLeaderboardRequest,
// Leaderboard, Entry, RelayAck) elided ...

goog.object.extend(exports, proto.timing.v1);
