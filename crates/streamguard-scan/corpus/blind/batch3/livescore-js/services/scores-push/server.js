'use strict';

var grpc = require('@grpc/grpc-js');
var pg = require('pg');
var services = require('./gen/livescore_grpc_pb');
var scores = require('./lib/scores');
var MatchFeed = require('./lib/feed');
var loadKeys = require('./lib/requireFan').loadKeys;
var Scoreboard = require('./lib/scoreboard');

var pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });

function refreshKeys() {
  loadKeys(pool, function (err, n) {
    if (err) console.error('api key refresh failed:', err.message);
    else console.log('loaded ' + n + ' api keys');
  });
}

function main() {
  scores.feed = new MatchFeed(process.env.REDIS_URL || 'redis://localhost:6379');
  scores.board = new Scoreboard(scores.feed);
  refreshKeys();
  setInterval(refreshKeys, 5 * 60 * 1000);

  var server = new grpc.Server({
    'grpc.keepalive_time_ms': 20000,
    'grpc.keepalive_timeout_ms': 5000,
    'grpc.keepalive_permit_without_calls': 1,
  });
  server.addService(services.ScoresService, scores.handlers);
  server.bindAsync('0.0.0.0:' + (process.env.PORT || 9090), grpc.ServerCredentials.createInsecure(), function (err, port) {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    console.log('scores-push on ' + port);
  });
}

main();
