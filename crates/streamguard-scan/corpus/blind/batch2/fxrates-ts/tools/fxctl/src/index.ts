#!/usr/bin/env node
import path from 'node:path';
import { Command } from 'commander';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const def = protoLoader.loadSync(path.resolve(import.meta.dirname, '../../../proto/fx.proto'), { defaults: true });
const fx = (grpc.loadPackageDefinition(def) as any).fx.v2;

function printRates(stream: grpc.ClientReadableStream<any>): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('data', (r) => console.log(`${r.pair}\t${r.bid}\t${r.ask}`));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

async function quoteAll(call: grpc.ClientDuplexStream<any, any>, requests: string[]) {
  for (const line of requests) {
    const [pair, notional, side] = line.split(':');
    call.write({ id: `${Date.now()}`, pair, notional: Number(notional), side });
  }
  call.end();
  for await (const reply of call) console.log(JSON.stringify(reply));
}

const program = new Command('fxctl').option('--addr <addr>', 'streamer address', 'localhost:7650');

program.command('watch <pairs...>').action(async (pairs: string[]) => {
  const client = new fx.RateStream(program.opts().addr, grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.FX_TOKEN}`);
  await printRates(client.subscribe({ pairs }, md));
});

program.command('quote <requests...>').action(async (requests: string[]) => {
  const client = new fx.RateStream(program.opts().addr, grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.FX_TOKEN}`);
  await quoteAll(client.quote(md), requests);
});

program.parseAsync();
