// source: photo/v1/photo.proto
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

goog.exportSymbol('proto.photo.v1.ListAlbumsRequest', null, global);
goog.exportSymbol('proto.photo.v1.ListAlbumsResponse', null, global);
goog.exportSymbol('proto.photo.v1.Photo', null, global);
goog.exportSymbol('proto.photo.v1.WatchPhotosRequest', null, global);

proto.photo.v1.WatchPhotosRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.photo.v1.WatchPhotosRequest, jspb.Message);

proto.photo.v1.Photo = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.photo.v1.Photo, jspb.Message);

proto.photo.v1.ListAlbumsRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.photo.v1.ListAlbumsRequest, jspb.Message);

proto.photo.v1.ListAlbumsResponse = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, proto.photo.v1.ListAlbumsResponse.repeatedFields_, null);
};
goog.inherits(proto.photo.v1.ListAlbumsResponse, jspb.Message);
proto.photo.v1.ListAlbumsResponse.repeatedFields_ = [1];

proto.photo.v1.WatchPhotosRequest.prototype.getAssignment = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.photo.v1.WatchPhotosRequest.prototype.setAssignment = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.photo.v1.WatchPhotosRequest.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.photo.v1.WatchPhotosRequest;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setAssignment(reader.readString()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};
proto.photo.v1.WatchPhotosRequest.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  var f = this.getAssignment();
  if (f.length > 0) writer.writeString(1, f);
  return writer.getResultBuffer();
};

proto.photo.v1.Photo.prototype.getPhotoId = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.photo.v1.Photo.prototype.setPhotoId = function(v) { return jspb.Message.setProto3StringField(this, 1, v); };
proto.photo.v1.Photo.prototype.getAssignment = function() { return jspb.Message.getFieldWithDefault(this, 2, ""); };
proto.photo.v1.Photo.prototype.setAssignment = function(v) { return jspb.Message.setProto3StringField(this, 2, v); };
proto.photo.v1.Photo.prototype.getCaption = function() { return jspb.Message.getFieldWithDefault(this, 3, ""); };
proto.photo.v1.Photo.prototype.setCaption = function(v) { return jspb.Message.setProto3StringField(this, 3, v); };
proto.photo.v1.Photo.prototype.getUrl = function() { return jspb.Message.getFieldWithDefault(this, 4, ""); };
proto.photo.v1.Photo.prototype.setUrl = function(v) { return jspb.Message.setProto3StringField(this, 4, v); };
proto.photo.v1.Photo.prototype.getTakenUnixMs = function() { return jspb.Message.getFieldWithDefault(this, 5, 0); };
proto.photo.v1.Photo.prototype.setTakenUnixMs = function(v) { return jspb.Message.setProto3IntField(this, 5, v); };
proto.photo.v1.Photo.prototype.serializeBinary = function() {
  var writer = new jspb.BinaryWriter();
  var f;
  f = this.getPhotoId(); if (f.length > 0) writer.writeString(1, f);
  f = this.getAssignment(); if (f.length > 0) writer.writeString(2, f);
  f = this.getCaption(); if (f.length > 0) writer.writeString(3, f);
  f = this.getUrl(); if (f.length > 0) writer.writeString(4, f);
  f = this.getTakenUnixMs(); if (f !== 0) writer.writeInt64(5, f);
  return writer.getResultBuffer();
};
proto.photo.v1.Photo.deserializeBinary = function(bytes) {
  var reader = new jspb.BinaryReader(bytes);
  var msg = new proto.photo.v1.Photo;
  while (reader.nextField()) {
    if (reader.isEndGroup()) break;
    switch (reader.getFieldNumber()) {
    case 1: msg.setPhotoId(reader.readString()); break;
    case 2: msg.setAssignment(reader.readString()); break;
    case 3: msg.setCaption(reader.readString()); break;
    case 4: msg.setUrl(reader.readString()); break;
    case 5: msg.setTakenUnixMs(reader.readInt64()); break;
    default: reader.skipField(); break;
    }
  }
  return msg;
};

proto.photo.v1.ListAlbumsRequest.prototype.getAssignment = function() { return jspb.Message.getFieldWithDefault(this, 1, ""); };
proto.photo.v1.ListAlbumsRequest.prototype.setAssignment = function(v) { return jspb.Message.setProto3StringField(this, 1, v); };
proto.photo.v1.ListAlbumsResponse.prototype.getAlbumsList = function() { return jspb.Message.getRepeatedField(this, 1); };
proto.photo.v1.ListAlbumsResponse.prototype.setAlbumsList = function(v) { return jspb.Message.setField(this, 1, v || []); };

goog.object.extend(exports, proto.photo.v1);
