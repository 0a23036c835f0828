import * as grpc from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { config } from '../shared/config.mjs';
import * as db from '../shared/db.mjs';
import { startRevocationFeed } from '../shared/revocations.mjs';
import { createCellarHandlers } from './handlers.mjs';
import * as recipes from './recipeBook.mjs';
import { logStore } from './logStore.mjs';

const require = createRequire(import.meta.url);
const services = require('../gen/cellar/v1/cellar_grpc_pb.js');

await startRevocationFeed();
const server = new grpc.Server({
  'grpc.max_connection_age_ms': 30 * 60_000,
  'grpc.max_connection_age_grace_ms': 15_000,
});
server.addService(services.CellarService, createCellarHandlers({ db, recipes, logStore }));
server.bindAsync(config.cellarListen, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) throw err;
  console.log(`cellar api on ${config.cellarListen}`);
});
