#!/usr/bin/env node
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { program } = require('commander');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'vetmon.proto'), { oneofs: true });
const { Monitor } = grpc.loadPackageDefinition(def).vetmon.v1;

function client(opts) {
  return new Monitor(opts.addr, grpc.credentials.createInsecure());
}

function meta(opts) {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${opts.token || process.env.VETMON_TOKEN}`);
  return md;
}

program.option('--addr <addr>', 'server', 'localhost:50071').option('--token <t>');

program.command('watch <patient>').action((patient) => {
  const opts = program.opts();
  const stream = client(opts).WatchPatient({ patientId: patient, intervalMs: 2000 }, meta(opts));
  stream.on('data', (v) => console.log(`${new Date(Number(v.unixMs)).toISOString()} T=${v.tempC} HR=${v.heartRate} ${v.alert}`));
  stream.on('error', (e) => { console.error(e.details); process.exitCode = 1; });
});

program.command('visits <patient>').action((patient) => {
  const opts = program.opts();
  const stream = client(opts).ListVisits({ patientId: patient }, meta(opts), { deadline: Date.now() + 10000 });
  const rows = [];
  stream.on('data', (v) => rows.push(v));
  stream.on('end', () => rows.forEach((v) => console.log(`${v.visitId}\t${v.vet}\t${v.reason}`)));
});

program.parse();
