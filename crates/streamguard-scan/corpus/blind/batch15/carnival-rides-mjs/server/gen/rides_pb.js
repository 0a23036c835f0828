// source: rides.proto
// GENERATED CODE -- DO NOT EDIT!
/* eslint-disable */
// @ts-nocheck

var jspb = require('google-protobuf');
var goog = jspb;
var global = Function('return this')();

goog.exportSymbol('proto.carnival.rides.v1.ConsoleCommand', null, global);
goog.exportSymbol('proto.carnival.rides.v1.ConsoleCommand.Action', null, global);
goog.exportSymbol('proto.carnival.rides.v1.ConsoleReply', null, global);
goog.exportSymbol('proto.carnival.rides.v1.RideStatus', null, global);
goog.exportSymbol('proto.carnival.rides.v1.WatchRideRequest', null, global);

proto.carnival.rides.v1.ConsoleCommand = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.carnival.rides.v1.ConsoleCommand, jspb.Message);

proto.carnival.rides.v1.ConsoleCommand.Action = {
  ACTION_UNSPECIFIED: 0,
  START_CYCLE: 1,
  STOP: 2,
  E_STOP: 3,
  RELEASE_RESTRAINTS: 4
};

proto.carnival.rides.v1.ConsoleCommand.prototype.getRequestId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.carnival.rides.v1.ConsoleCommand.prototype.getRideId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.carnival.rides.v1.ConsoleCommand.prototype.getAction = function() {
  return /** @type {!proto.carnival.rides.v1.ConsoleCommand.Action} */ (jspb.Message.getFieldWithDefault(this, 3, 0));
};

// ... (RideStatus, ConsoleReply, WatchRideRequest, CycleRecord accessors and binary codecs elided)

goog.object.extend(exports, proto.carnival.rides.v1);
