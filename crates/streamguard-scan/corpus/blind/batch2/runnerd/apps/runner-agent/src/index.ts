#!/usr/bin/env node
import * as grpc from '@grpc/grpc-js';
import { CoordinatorClient } from '@runnerd/proto';
import { pump } from './attach.js';

const addr = process.env.RUNNERD_COORDINATOR ?? 'coordinator.runnerd.dev:9443';
const token = process.env.RUNNERD_TOKEN;
if (!token) {
  console.error('RUNNERD_TOKEN is required');
  process.exit(2);
}

const client = new CoordinatorClient(addr, grpc.credentials.createSsl());

async function loop(): Promise<void> {
  for (;;) {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${token}`);
    const call = client.attach(md);
    try {
      await pump(call);
    } catch (err) {
      console.warn('attach ended', err);
    }
    await new Promise((r) => setTimeout(r, 2000 + Math.random() * 3000));
  }
}

loop();
