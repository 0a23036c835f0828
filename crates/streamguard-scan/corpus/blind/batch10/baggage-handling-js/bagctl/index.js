#!/usr/bin/env node
'use strict';

// Ops CLI: tails a carousel or dumps mishandled bags.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '../proto/baggage/v1/baggage.proto'), { keepCase: false });
const { baggage } = grpc.loadPackageDefinition(def);

function metadata() {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.BAGCTL_TOKEN}`);
  return md;
}

function printRows(rows) {
  for (const row of rows) {
    console.log([row.bagTag, row.flight, row.status, row.lastSeen || ''].join('\t'));
  }
}

function main(argv) {
  const client = new baggage.v1.BaggageService(process.env.SORTATION_ADDR || 'localhost:50061', grpc.credentials.createInsecure());
  const [cmd, arg1, arg2] = argv;
  if (cmd === 'tail') {
    const stream = client.watchCarousel({ carouselId: arg1 }, metadata());
    stream.on('data', (ev) => printRows([ev]));
    stream.on('error', (err) => { console.error(err.details); process.exitCode = 1; });
    process.on('SIGINT', () => stream.cancel());
  } else if (cmd === 'mishandled') {
    const rows = [];
    const stream = client.listMishandled({ date: arg1, station: arg2 }, metadata(), { deadline: Date.now() + 20000 });
    stream.on('data', (r) => rows.push(r));
    stream.on('end', () => printRows(rows));
  } else {
    console.error('usage: bagctl tail <carousel> | mishandled <date> <station>');
    process.exitCode = 2;
  }
}

main(process.argv.slice(2));
