#!/usr/bin/env node
'use strict';
// Nurse station console: follows one patient and prints a line per sample.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(path.join(__dirname, '..', 'proto', 'vitals.proto'), { longs: Number });
const { Vitals } = grpc.loadPackageDefinition(def).ward.vitals.v1;

const [, , patientId, addr = 'localhost:50061'] = process.argv;
if (!patientId) {
  console.error('usage: nurse <patient-id> [addr]');
  process.exit(2);
}
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${process.env.VITALS_TOKEN || ''}`);

const client = new Vitals(addr, grpc.credentials.createInsecure());
const stream = client.watchPatient({ patientId, intervalMs: 2000 }, md);
stream.on('data', (s) => {
  console.log(`${new Date(s.tsMs).toISOString()} HR ${s.heartRate} SpO2 ${s.spo2} RR ${s.respRate} ${s.rhythm}`);
});
stream.on('error', (err) => {
  console.error(err.details || err.message);
  process.exitCode = 1;
});
