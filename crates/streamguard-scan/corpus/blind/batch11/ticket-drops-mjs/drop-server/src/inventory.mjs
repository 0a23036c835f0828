import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { config } from './config.mjs';

// Inventory service (seat map, holds) — its own team's proto, loaded dynamically.
const def = protoLoader.loadSync(new URL('../../proto/inventory.proto', import.meta.url).pathname, { keepCase: true });
const { Inventory } = grpc.loadPackageDefinition(def).inventory.v1;
const client = new Inventory(config.inventoryAddr, grpc.credentials.createInsecure());

function unary(method, req, options) {
  return new Promise((resolve, reject) => client[method](req, options, (err, res) => (err ? reject(err) : resolve(res))));
}

export const hold = (req, parent) => unary('Hold', req, { parent });
export const release = (req, parent) => unary('Release', req, { parent });
export const snapshot = (req, parent) => unary('Snapshot', req, { parent });
export const follow = (req, parent) => client.Follow(req, { parent });
