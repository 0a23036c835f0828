// source: stats.proto
// GENERATED CODE -- DO NOT EDIT!
/* eslint-disable */
// @ts-nocheck

var jspb = require('google-protobuf');
var goog = jspb;
var global = Function('return this')();

goog.exportSymbol('proto.darts.stats.v1.RecordThrowRequest', null, global);
goog.exportSymbol('proto.darts.stats.v1.RecordThrowReply', null, global);
goog.exportSymbol('proto.darts.stats.v1.DivisionTableRequest', null, global);

// ... (message classes, accessors and binary codecs elided)

goog.object.extend(exports, proto.darts.stats.v1);
