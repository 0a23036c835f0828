'use strict';

var grpc = require('@grpc/grpc-js');
var messages = require('../gen/livescore_pb');
var standings = require('./standings');
var requireFan = require('./requireFan').requireFan;

var TICK_MS = Number(process.env.TICKER_INTERVAL_MS || 5000);
var MAX_PREDICTIONS = 50;
var predictionsByPeer = new Map();

function scoreboard() {
  return module.exports.board;
}

function getStandings(call, callback) {
  var req = call.request;
  standings.fetchStandings(req.getLeague(), req.getSeason(), function (err, table) {
    if (err) return callback({ code: grpc.status.UNAVAILABLE, details: 'stats provider unavailable' });
    var out = new messages.Standings();
    out.setLeague(req.getLeague());
    table.forEach(function (t) {
      var row = new messages.StandingRow();
      row.setTeam(t.team);
      row.setPlayed(t.played);
      row.setPoints(t.points);
      row.setGoalDiff(t.gd);
      out.addRows(row);
    });
    callback(null, out);
  });
}

function listFixtures(call) {
  var league = call.request.getLeague();
  var round = call.request.getRound();
  var fixtures = scoreboard().fixtures(league, round);
  fixtures.forEach(function (f) {
    var msg = new messages.Fixture();
    msg.setMatchId(f.id);
    msg.setHome(f.home);
    msg.setAway(f.away);
    msg.setKickoffMs(f.kickoff);
    call.write(msg);
  });
  call.end();
}

function followMatch(call) {
  var matchId = call.request.getMatchId();
  var feed = module.exports.feed;
  var done = false;

  function finish() {
    if (done) return;
    done = true;
    unsubscribe();
  }

  var unsubscribe = feed.subscribe(matchId, function (ev) {
    var msg = new messages.MatchEvent();
    msg.setMatchId(matchId);
    msg.setType(ev.type);
    msg.setMinute(ev.minute || 0);
    msg.setTeam(ev.team || '');
    msg.setPlayer(ev.player || '');
    msg.setHomeScore(ev.home);
    msg.setAwayScore(ev.away);
    call.write(msg);
    if (ev.type === 'full_time' || ev.type === 'abandoned') {
      finish();
      call.end();
    }
  });

  call.on('cancelled', finish);
  call.on('error', finish);
}

function leagueTicker(call) {
  var league = call.request.getLeague();
  var tier = call.fan.tier;
  var interval = tier === 'premium' ? TICK_MS : TICK_MS * 3;

  var timer = setInterval(function () {
    scoreboard().live(league).forEach(function (m) {
      var line = new messages.ScoreLine();
      line.setMatchId(m.id);
      line.setHome(m.home);
      line.setAway(m.away);
      line.setHomeScore(m.homeScore);
      line.setAwayScore(m.awayScore);
      line.setClock(m.clock);
      call.write(line);
    });
  }, interval);

  function stop() { clearInterval(timer); }
  call.on('cancelled', stop);
  call.on('close', stop);
}

function submitPredictions(call, callback) {
  var peer = call.getPeer();
  var fanId = call.fan.id;
  var stored = 0;
  var rejected = 0;

  call.on('data', function (p) {
    var count = (predictionsByPeer.get(peer) || 0) + 1;
    predictionsByPeer.set(peer, count);
    if (count > MAX_PREDICTIONS) {
      rejected += 1;
      return;
    }
    if (!scoreboard().isUpcoming(p.getMatchId())) {
      rejected += 1;
      return;
    }
    scoreboard().recordPrediction(fanId, p.getMatchId(), p.getHome(), p.getAway());
    stored += 1;
  });

  call.on('end', function () {
    var receipt = new messages.PredictionReceipt();
    receipt.setStored(stored);
    receipt.setRejected(rejected);
    callback(null, receipt);
  });
}

setInterval(function () { predictionsByPeer.clear(); }, 60 * 60 * 1000).unref();

module.exports = {
  board: null,
  feed: null,
  handlers: {
    getStandings: requireFan(getStandings),
    listFixtures: requireFan(listFixtures),
    followMatch: requireFan(followMatch),
    leagueTicker: requireFan(leagueTicker),
    submitPredictions: requireFan(submitPredictions),
  },
};
