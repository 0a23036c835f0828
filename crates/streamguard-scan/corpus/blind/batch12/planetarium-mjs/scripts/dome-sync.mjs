#!/usr/bin/env node
// Copies the cue log of yesterday's shows of each dome into the archive bucket.
import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);
const { ShowControlClient } = require('../src/generated/show_grpc_pb.js');
const pb = require('../src/generated/show_pb.js');

async function exportShows(client, md, shows) {
  for (const [domeId, showId] of shows) {
    const req = new pb.ExportLogRequest();
    req.setDomeId(domeId);
    req.setShowId(showId);
    const lines = [];
    for await (const ev of client.exportLog(req, md, { deadline: Date.now() + 60_000 })) {
      lines.push([ev.getCue(), ev.getLabel(), ev.getAtMs()].join('\t'));
    }
    await writeFile(`archive/${domeId}-${showId}.tsv`, lines.join('\n'));
  }
}

const client = new ShowControlClient(process.env.SHOW_ADDR ?? 'localhost:50440', grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${process.env.SHOW_TOKEN}`);
await exportShows(client, md, JSON.parse(process.argv[2] ?? '[]'));
client.close();
