import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { authenticate } from './grpc/authInterceptor.js';
import { RateStreamHandlers } from './grpc/rateStream.js';
import { PricingClient } from './domain/pricing.js';

const def = protoLoader.loadSync(path.resolve(process.cwd(), '../../proto/fx.proto'), { keepCase: false, defaults: true, longs: Number });
const fx = (grpc.loadPackageDefinition(def) as any).fx.v2;

const pricing = new PricingClient(new fx.PricingEngine(process.env.PRICING_ADDR ?? 'pricing:7600', grpc.credentials.createInsecure()));
const handlers = new RateStreamHandlers(pricing, {
  maxStreamMs: Number(process.env.MAX_STREAM_MS ?? 10 * 60_000),
  idleMs: Number(process.env.IDLE_MS ?? 60_000),
});

const server = new grpc.Server({
  interceptors: [authenticate],
  'grpc.keepalive_time_ms': 20_000,
});

server.addService(fx.RateStream.service, {
  subscribe: handlers.subscribe,
  quote: handlers.quote,
});

server.bindAsync(process.env.LISTEN ?? '0.0.0.0:7650', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`fx streamer on ${port}`);
});
