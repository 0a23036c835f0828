// source: cellar/v1/cellar.proto
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
var global = (function () { return this || window || global || self || Function('return this')(); }).call(null);

goog.exportSymbol('proto.cellar.v1.WatchTankRequest', null, global);
goog.exportSymbol('proto.cellar.v1.TankReading', null, global);
goog.exportSymbol('proto.cellar.v1.BridgeMessage', null, global);
goog.exportSymbol('proto.cellar.v1.Command', null, global);

proto.cellar.v1.WatchTankRequest = function (opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.cellar.v1.WatchTankRequest, jspb.Message);

proto.cellar.v1.WatchTankRequest.prototype.getTankId = function () {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ''));
};

proto.cellar.v1.WatchTankRequest.prototype.setTankId = function (value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};

// ... (remaining message classes abbreviated)

goog.object.extend(exports, proto.cellar.v1);
