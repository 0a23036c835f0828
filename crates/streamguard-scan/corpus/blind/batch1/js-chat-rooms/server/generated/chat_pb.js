// source: chat.proto
/**
 * @fileoverview
 * @enhanceable
 * @suppress {missingRequire} reports error on implicit type usages.
 * @suppress {messageConventions} JS Compiler reports an error if a variable or
 *     field starts with 'MSG_' and isn't a translatable message.
 * @public
 */
// GENERATED CODE -- DO NOT EDIT!
/* eslint-disable */
// @ts-nocheck

var jspb = require('google-protobuf');
var goog = jspb;
var global = (function() { return this || window || global || self || Function('return this')(); }).call(null);

goog.exportSymbol('proto.chat.ChatMessage', null, global);
goog.exportSymbol('proto.chat.ClientEvent', null, global);
goog.exportSymbol('proto.chat.ClientEvent.PayloadCase', null, global);
goog.exportSymbol('proto.chat.Hello', null, global);
goog.exportSymbol('proto.chat.Say', null, global);
goog.exportSymbol('proto.chat.ServerEvent', null, global);
goog.exportSymbol('proto.chat.Welcome', null, global);
goog.exportSymbol('proto.chat.ErrorEvent', null, global);

/**
 * @param {Array=} opt_data Optional initial data array, typically from a
 * server response, or constructed directly in Javascript. The array is used
 * in place and becomes part of the constructed object. It is not cloned.
 * @extends {jspb.Message}
 * @constructor
 */
proto.chat.Hello = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.chat.Hello, jspb.Message);

proto.chat.Hello.prototype.getToken = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.chat.Hello.prototype.setToken = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.chat.Hello.prototype.getRoom = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.chat.Hello.prototype.setRoom = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};

proto.chat.Say = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.chat.Say, jspb.Message);
proto.chat.Say.prototype.getRoom = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.chat.Say.prototype.getText = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};

proto.chat.ClientEvent = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, proto.chat.ClientEvent.oneofGroups_);
};
goog.inherits(proto.chat.ClientEvent, jspb.Message);
proto.chat.ClientEvent.oneofGroups_ = [[1,2,3]];

/**
 * @enum {number}
 */
proto.chat.ClientEvent.PayloadCase = {
  PAYLOAD_NOT_SET: 0,
  HELLO: 1,
  SAY: 2,
  TYPING: 3
};

proto.chat.ClientEvent.prototype.getPayloadCase = function() {
  return /** @type {proto.chat.ClientEvent.PayloadCase} */(jspb.Message.computeOneofCase(this, proto.chat.ClientEvent.oneofGroups_[0]));
};
proto.chat.ClientEvent.prototype.getHello = function() {
  return /** @type{?proto.chat.Hello} */ (jspb.Message.getWrapperField(this, proto.chat.Hello, 1));
};
proto.chat.ClientEvent.prototype.getSay = function() {
  return /** @type{?proto.chat.Say} */ (jspb.Message.getWrapperField(this, proto.chat.Say, 2));
};

proto.chat.ChatMessage = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.chat.ChatMessage, jspb.Message);
proto.chat.ChatMessage.prototype.setRoom = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.chat.ChatMessage.prototype.setFrom = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.chat.ChatMessage.prototype.setText = function(value) {
  return jspb.Message.setProto3StringField(this, 3, value);
};
proto.chat.ChatMessage.prototype.setTs = function(value) {
  return jspb.Message.setProto3IntField(this, 4, value);
};

proto.chat.ServerEvent = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, proto.chat.ServerEvent.oneofGroups_);
};
goog.inherits(proto.chat.ServerEvent, jspb.Message);
proto.chat.ServerEvent.oneofGroups_ = [[1,2,3]];
proto.chat.ServerEvent.prototype.setWelcome = function(value) {
  return jspb.Message.setOneofWrapperField(this, 1, proto.chat.ServerEvent.oneofGroups_[0], value);
};
proto.chat.ServerEvent.prototype.setMessage = function(value) {
  return jspb.Message.setOneofWrapperField(this, 2, proto.chat.ServerEvent.oneofGroups_[0], value);
};
proto.chat.ServerEvent.prototype.setError = function(value) {
  return jspb.Message.setOneofWrapperField(this, 3, proto.chat.ServerEvent.oneofGroups_[0], value);
};

goog.object.extend(exports, proto.chat);
