// source: livescore.proto
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
var global = (function() { return this || window || global || self || Function('return this')(); }).call(null);

var names = ['StandingsRequest', 'StandingRow', 'Standings', 'FixturesRequest', 'Fixture', 'FollowRequest',
  'MatchEvent', 'TickerRequest', 'ScoreLine', 'Prediction', 'PredictionReceipt'];

names.forEach(function (n) {
  goog.exportSymbol('proto.livescore.' + n, null, global);
});

proto.livescore.MatchEvent = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.livescore.MatchEvent, jspb.Message);

proto.livescore.MatchEvent.prototype.setMatchId = function(value) {
  return jspb.Message.setProto3StringField(this, 1, value);
};
proto.livescore.MatchEvent.prototype.setType = function(value) {
  return jspb.Message.setProto3StringField(this, 2, value);
};
proto.livescore.MatchEvent.prototype.setMinute = function(value) {
  return jspb.Message.setProto3IntField(this, 3, value);
};
proto.livescore.MatchEvent.prototype.setTeam = function(value) {
  return jspb.Message.setProto3StringField(this, 4, value);
};
proto.livescore.MatchEvent.prototype.setPlayer = function(value) {
  return jspb.Message.setProto3StringField(this, 5, value);
};
proto.livescore.MatchEvent.prototype.setHomeScore = function(value) {
  return jspb.Message.setProto3IntField(this, 6, value);
};
proto.livescore.MatchEvent.prototype.setAwayScore = function(value) {
  return jspb.Message.setProto3IntField(this, 7, value);
};

proto.livescore.FollowRequest = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.livescore.FollowRequest, jspb.Message);
proto.livescore.FollowRequest.prototype.getMatchId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};

proto.livescore.Prediction = function(opt_data) {
  jspb.Message.initialize(this, opt_data, 0, -1, null, null);
};
goog.inherits(proto.livescore.Prediction, jspb.Message);
proto.livescore.Prediction.prototype.getMatchId = function() {
  return /** @type {string} */ (jspb.Message.getFieldWithDefault(this, 1, ""));
};
proto.livescore.Prediction.prototype.getHome = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 2, 0));
};
proto.livescore.Prediction.prototype.getAway = function() {
  return /** @type {number} */ (jspb.Message.getFieldWithDefault(this, 3, 0));
};

goog.object.extend(exports, proto.livescore);
