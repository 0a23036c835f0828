#!/usr/bin/env node
// Pre-caches tours on the handsets' docking stations: downloads each tour and writes it to disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import grpc from '@grpc/grpc-js';
import services from '../gen/museum/guide/v1/guide_grpc_pb.js';
import messages from '../gen/museum/guide/v1/guide_pb.js';

const [outDir, language, ...tourIds] = process.argv.slice(2);
const client = new services.GuideServiceClient(process.env.GUIDE_ADDR ?? 'localhost:50080', grpc.credentials.createInsecure());

async function download(tourId) {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.DOCK_TOKEN}`);
  const req = new messages.TourRequest();
  req.setTourId(tourId);
  req.setLanguage(language);
  const call = client.downloadTour(req, md, { deadline: Date.now() + 120_000 });
  const chunks = [];
  for await (const chunk of call) chunks.push(chunk);
  return chunks;
}

async function writeAll(chunks, dir) {
  await fs.mkdir(dir, { recursive: true });
  for (const c of chunks) {
    await fs.writeFile(path.join(dir, `${c.getSeq()}-${c.getExhibitId()}.opus`), c.getData_asU8());
  }
}

for (const tourId of tourIds) {
  const chunks = await download(tourId);
  await writeAll(chunks, path.join(outDir, language, tourId));
  console.log(`${tourId}: ${chunks.length} clips`);
}
