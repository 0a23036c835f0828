// source: chat/v1/chat.proto
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

goog.exportSymbol('proto.chat.v1.ReviewRequest', null, global);
goog.exportSymbol('proto.chat.v1.ReviewVerdict', null, global);

proto.chat.v1.ReviewRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.chat.v1.ReviewRequest, jspb.Message);

proto.chat.v1.ReviewRequest.prototype.getRoom = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.chat.v1.ReviewRequest.prototype.getAuthor = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.chat.v1.ReviewRequest.prototype.getBody = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 3, ""));
};
proto.chat.v1.ReviewRequest.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.chat.v1.ReviewRequest;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setRoom(reader.readString()); break;
    case 2: msg.setAuthor(reader.readString()); break;
    case 3: msg.setBody(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};

proto.chat.v1.ReviewVerdict = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.chat.v1.ReviewVerdict, jspb.Message);
proto.chat.v1.ReviewVerdict.prototype.setAllowed = function(value) {
  return jspb.Message.setProto3BooleanField(this, 1, value);
};
proto.chat.v1.ReviewVerdict.prototype.setReason = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.chat.v1.ReviewVerdict.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  var f = this.getAllowed ? this.getAllowed() : false;
  if (f) writer.writeBool(1, f);
  return writer.getResultBuffer();
};

goog.object.extend(exports, proto.chat.v1);
