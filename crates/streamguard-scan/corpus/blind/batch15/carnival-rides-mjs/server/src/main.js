import grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { loadConfig } from './config.js';
import { Revocations } from './lib/revocations.js';
import { IdentityLimiter } from './lib/limiter.js';
import { makeWatchRide } from './handlers/watchRide.js';
import { makeOperatorConsole } from './handlers/operatorConsole.js';
import { makeExportCycles } from './handlers/exportCycles.js';

const require = createRequire(import.meta.url);
const { RideControlService } = require('../gen/rides_grpc_pb.js');

const cfg = loadConfig();
const revocations = await Revocations.connect(cfg.natsUrl);
const limiter = new IdentityLimiter(cfg.redisUrl, { perMinute: 40, maxStreams: 4 });
const deps = { cfg, revocations, limiter };

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 30 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 15 * 1000,
  'grpc.max_connection_idle_ms': 5 * 60 * 1000,
});

server.addService(RideControlService, {
  watchRide: makeWatchRide(deps),
  operatorConsole: makeOperatorConsole(deps),
  exportCycles: makeExportCycles(deps),
});

server.bindAsync(cfg.listen, grpc.ServerCredentials.createSsl(null, [{ cert_chain: cfg.cert, private_key: cfg.key }]), (err) => {
  if (err) throw err;
  console.log(`ride-control on ${cfg.listen}`);
});
