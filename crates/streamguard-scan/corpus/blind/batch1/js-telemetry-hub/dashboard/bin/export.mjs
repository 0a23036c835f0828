#!/usr/bin/env node
import grpc from '@grpc/grpc-js';
import { telemetry } from '../lib/query-client.mjs';
import { streamToCsv } from '../lib/export.mjs';

const [expr, target = 'localhost:7070'] = process.argv.slice(2);
if (!expr) {
  console.error('usage: tele-export <expr> [target]');
  process.exit(2);
}

const client = new telemetry.Dashboard(target, grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${process.env.DASHBOARD_TOKEN ?? ''}`);
const call = client.snapshot({ expr, stepMs: 60_000 }, md, { deadline: Date.now() + 30_000 });
const rows = await streamToCsv(call, process.stdout);
console.error(`${rows} rows`);
