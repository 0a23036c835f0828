#!/usr/bin/env node
'use strict';

var fs = require('fs');
var path = require('path');
var grpc = require('@grpc/grpc-js');
var protoLoader = require('@grpc/proto-loader');
var Redis = require('ioredis');
var yargs = require('yargs');
var format = require('../lib/format');

var argv = yargs
  .command('replay <file>', 'publish a recorded match to the live feed')
  .command('follow <matchId>', 'print the live feed for a match')
  .option('speed', { type: 'number', default: 10 })
  .option('target', { type: 'string', default: 'localhost:9090' })
  .demandCommand(1)
  .argv;

function replayAll(events, redis, speed, done) {
  var i = 0;
  function next() {
    if (i >= events.length) return done();
    var ev = events[i++];
    redis.publish('match:' + ev.matchId, JSON.stringify(ev)).then(function () {
      var gap = i < events.length ? (events[i].at - ev.at) / speed : 0;
      setTimeout(next, Math.max(0, gap));
    });
  }
  next();
}

function follow(target, matchId) {
  var def = protoLoader.loadSync(path.join(__dirname, '../../../protos/livescore.proto'), { defaults: true });
  var pkg = grpc.loadPackageDefinition(def).livescore;
  var client = new pkg.Scores(target, grpc.credentials.createInsecure());
  var md = new grpc.Metadata();
  md.set('x-api-key', process.env.LIVESCORE_API_KEY || '');
  var stream = client.followMatch({ matchId: matchId }, md);
  stream.on('data', function (ev) {
    console.log(format.formatEvents([ev]));
  });
  stream.on('error', function (err) {
    console.error(err.details);
    process.exitCode = 1;
  });
}

var cmd = argv._[0];
if (cmd === 'replay') {
  var events = JSON.parse(fs.readFileSync(argv.file, 'utf8'));
  var redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379');
  var grouped = format.groupByMatch(events);
  Object.keys(grouped).forEach(function (id) {
    console.log(id + ': ' + grouped[id].length + ' events');
  });
  replayAll(events, redis, argv.speed, function () {
    redis.quit();
  });
} else if (cmd === 'follow') {
  follow(argv.target, argv.matchId);
}
