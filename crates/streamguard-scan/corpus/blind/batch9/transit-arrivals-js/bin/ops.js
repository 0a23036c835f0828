#!/usr/bin/env node
'use strict';
// Operator CLI: tail a stop board or replay recorded fixes into a test server.
const path = require('node:path');
const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/transit/v1/arrivals.proto'), { longs: Number, defaults: true });
const { Arrivals } = grpc.loadPackageDefinition(def).transit.v1;

function meta(token) {
  const m = new grpc.Metadata();
  if (token) m.set('authorization', `Bearer ${token}`);
  return m;
}

function tail(client, stopId, token) {
  const call = client.watchStop({ stopId, horizonMin: 30 }, meta(token));
  call.on('data', (a) => console.log(`${a.route}\t${a.tripId}\t${new Date(a.etaUnix * 1000).toISOString()}`));
  call.on('error', (e) => { console.error(e.details); process.exitCode = 1; });
}

function replay(client, file, deviceToken) {
  const m = new grpc.Metadata();
  m.set('x-device-token', deviceToken);
  const call = client.vehicleFeed(m, (err, ack) => {
    if (err) return console.error(err.details);
    console.log(`accepted=${ack.accepted} rejected=${ack.rejected}`);
  });
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim()) call.write(JSON.parse(line));
  }
  call.end();
}

const [cmd, arg] = process.argv.slice(2);
const client = new Arrivals(process.env.ARRIVALS_ADDR || 'localhost:50061', grpc.credentials.createInsecure());
if (cmd === 'tail') tail(client, arg, process.env.ARRIVALS_TOKEN);
else if (cmd === 'replay') replay(client, arg, process.env.DEVICE_TOKEN);
else console.error('usage: ops.js tail <stopId> | replay <file.jsonl>');
