// source: drops.proto
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

goog.exportSymbol('proto.drops.v1.WatchDropRequest', null, global);
goog.exportSymbol('proto.drops.v1.DropState', null, global);
goog.exportSymbol('proto.drops.v1.ClaimRequest', null, global);
goog.exportSymbol('proto.drops.v1.ClaimRequest.ActionCase', null, global);
goog.exportSymbol('proto.drops.v1.Hold', null, global);
goog.exportSymbol('proto.drops.v1.Release', null, global);
goog.exportSymbol('proto.drops.v1.Checkout', null, global);
goog.exportSymbol('proto.drops.v1.ClaimEvent', null, global);
goog.exportSymbol('proto.drops.v1.ExportOrdersRequest', null, global);
goog.exportSymbol('proto.drops.v1.Order', null, global);

proto.drops.v1.WatchDropRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.drops.v1.WatchDropRequest, jspb.Message);
proto.drops.v1.WatchDropRequest.prototype.getDropId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};

proto.drops.v1.DropState = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.drops.v1.DropState, jspb.Message);
proto.drops.v1.DropState.prototype.setDropId = function(value) { return jspb.Message.setProto3StringField(this, 1, value); };
proto.drops.v1.DropState.prototype.setRemaining = function(value) { return jspb.Message.setProto3IntField(this, 2, value); };
proto.drops.v1.DropState.prototype.setHeld = function(value) { return jspb.Message.setProto3IntField(this, 3, value); };
proto.drops.v1.DropState.prototype.setPhase = function(value) { return jspb.Message.setProto3StringField(this, 4, value); };
proto.drops.v1.DropState.prototype.setUnixMs = function(value) { return jspb.Message.setProto3IntField(this, 5, value); };

proto.drops.v1.ClaimRequest.ActionCase = { ACTION_NOT_SET: 0, HOLD: 2, RELEASE: 3, CHECKOUT: 4 };
proto.drops.v1.ClaimRequest.prototype.getRequestId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.drops.v1.ClaimRequest.prototype.getActionCase = function() {
  return /** @type {proto.drops.v1.ClaimRequest.ActionCase} */(jspb.Message.computeOneofCase(this, [[2, 3, 4]][0]));
};
proto.drops.v1.ClaimRequest.prototype.getHold = function() { return jspb.Message.getWrapperField(this, proto.drops.v1.Hold, 2); };
proto.drops.v1.ClaimRequest.prototype.getRelease = function() { return jspb.Message.getWrapperField(this, proto.drops.v1.Release, 3); };
proto.drops.v1.ClaimRequest.prototype.getCheckout = function() { return jspb.Message.getWrapperField(this, proto.drops.v1.Checkout, 4); };

// ... serializeBinary / deserializeBinary and the remaining accessors elided ...

goog.object.extend(exports, proto.drops.v1);
