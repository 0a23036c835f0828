// source: league.proto
// GENERATED CODE -- DO NOT EDIT!
/* eslint-disable */
// @ts-nocheck

var jspb = require('google-protobuf');
var goog = jspb;
var global = Function('return this')();

goog.exportSymbol('proto.darts.league.v1.ScorerCommand', null, global);
goog.exportSymbol('proto.darts.league.v1.ScorerCommand.CmdCase', null, global);
goog.exportSymbol('proto.darts.league.v1.ThrowEvent', null, global);

proto.darts.league.v1.ScorerCommand.CmdCase = {
  CMD_NOT_SET: 0,
  THROW: 3,
  CORRECTION: 4,
  END_LEG: 5
};

// ... (message classes, accessors and binary codecs elided)

goog.object.extend(exports, proto.darts.league.v1);
