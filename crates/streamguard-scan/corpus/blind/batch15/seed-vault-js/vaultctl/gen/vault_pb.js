// source: seedvault/v1/vault.proto
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

goog.exportSymbol('proto.seedvault.v1.WatchVaultRequest', null, global);
goog.exportSymbol('proto.seedvault.v1.VaultReading', null, global);
goog.exportSymbol('proto.seedvault.v1.AccessCommand', null, global);
goog.exportSymbol('proto.seedvault.v1.AccessEvent', null, global);
goog.exportSymbol('proto.seedvault.v1.Accession', null, global);

proto.seedvault.v1.WatchVaultRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.seedvault.v1.WatchVaultRequest, jspb.Message);

proto.seedvault.v1.WatchVaultRequest.prototype.getVaultId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.seedvault.v1.WatchVaultRequest.prototype.setVaultId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.seedvault.v1.WatchVaultRequest.prototype.getIntervalMs = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 2, 0));
};
proto.seedvault.v1.WatchVaultRequest.prototype.setIntervalMs = function(value) {
  return jspb.Message.setProto3IntField(this, 2, value);
};

// ... (serializeBinary / deserializeBinary and the other messages elided)

goog.object.extend(exports, proto.seedvault.v1);
