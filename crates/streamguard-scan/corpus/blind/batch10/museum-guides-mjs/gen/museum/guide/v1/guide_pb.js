// source: museum/guide/v1/guide.proto
/**
 * @fileoverview
 * @enhanceable
 * @public
 */
// GENERATED CODE -- DO NOT EDIT!

var jspb = require('google-protobuf');
var goog = jspb;
var global = globalThis;

goog.exportSymbol('proto.museum.guide.v1.VisitorEvent', null, global);
goog.exportSymbol('proto.museum.guide.v1.GuideContent', null, global);
goog.exportSymbol('proto.museum.guide.v1.GalleryRequest', null, global);
goog.exportSymbol('proto.museum.guide.v1.Occupancy', null, global);
goog.exportSymbol('proto.museum.guide.v1.TourRequest', null, global);
goog.exportSymbol('proto.museum.guide.v1.AudioChunk', null, global);

proto.museum.guide.v1.VisitorEvent = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.museum.guide.v1.VisitorEvent, jspb.Message);

proto.museum.guide.v1.VisitorEvent.prototype.getEventId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.museum.guide.v1.VisitorEvent.prototype.getExhibitId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 2, ""));
};
proto.museum.guide.v1.VisitorEvent.prototype.getLanguage = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 3, ""));
};

// (GuideContent, GalleryRequest, Occupancy, TourRequest, AudioChunk accessors elided)

goog.object.extend(exports, proto.museum.guide.v1);
