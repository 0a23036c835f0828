'use strict';

function Scoreboard(feed) {
  this.matches = new Map();
  this.fixturesByRound = new Map();
  this.predictions = [];
  this.feed = feed;
}

Scoreboard.prototype.upsert = function (m) {
  this.matches.set(m.id, m);
};

Scoreboard.prototype.live = function (league) {
  var out = [];
  this.matches.forEach(function (m) {
    if (m.league === league && m.status === 'live') out.push(m);
  });
  return out;
};

Scoreboard.prototype.fixtures = function (league, round) {
  return (this.fixturesByRound.get(league + ':' + round) || []).slice();
};

Scoreboard.prototype.isUpcoming = function (matchId) {
  var m = this.matches.get(matchId);
  return !!m && m.status === 'scheduled';
};

Scoreboard.prototype.recordPrediction = function (fanId, matchId, home, away) {
  this.predictions.push({ fanId: fanId, matchId: matchId, home: home, away: away, at: Date.now() });
};

module.exports = Scoreboard;
