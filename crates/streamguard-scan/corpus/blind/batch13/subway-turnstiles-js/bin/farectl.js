#!/usr/bin/env node
'use strict';

// farectl: station staff CLI. `farectl taps <station> [limit]`, `farectl watch <station>`.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(
  path.join(__dirname, '../proto/turnstile/v1/turnstile.proto'),
  { keepCase: false, longs: String, defaults: true, oneofs: true },
);
const { Turnstiles } = grpc.loadPackageDefinition(def).turnstile.v1;

function metadata() {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.METRO_TOKEN || ''}`);
  return md;
}

function printRows(rows) {
  for (const r of rows) {
    console.log([r.at?.seconds, r.gateId, r.tapId, r.accepted ? 'OK' : 'DENY'].join('\t'));
  }
}

function main(argv) {
  const [cmd, station, limit] = argv;
  const client = new Turnstiles(process.env.TURNSTILES || 'localhost:7443',
    grpc.credentials.createInsecure());
  if (cmd === 'taps') {
    const rows = [];
    const s = client.listTaps({ stationId: station, limit: Number(limit || 100) }, metadata(),
      { deadline: Date.now() + 15_000 });
    s.on('data', (t) => rows.push(t));
    s.on('end', () => printRows(rows));
    s.on('error', (e) => { console.error(e.message); process.exitCode = 1; });
  } else if (cmd === 'watch') {
    const s = client.watchStation({ stationId: station }, metadata());
    s.on('data', (st) => console.log(JSON.stringify(st)));
    s.on('error', (e) => { console.error(e.message); process.exitCode = 1; });
  } else {
    console.error('usage: farectl taps|watch <station> [limit]');
    process.exitCode = 2;
  }
}

main(process.argv.slice(2));
