import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { config } from './config.js';

const def = protoLoader.loadSync(new URL('../../proto/pairing/v1/pairing.proto', import.meta.url).pathname, {
  keepCase: false, longs: Number, defaults: true,
});
const { pairing } = grpc.loadPackageDefinition(def);
const client = new pairing.v1.Pairing(config.pairingAddr, grpc.credentials.createInsecure());

/** Reports a result to the pairing engine as a child of the arbiter's call (deadline + cancel). */
export function reportResult(parent, tournamentId, board, outcome) {
  return new Promise((resolve, reject) => {
    client.reportResult({ tournamentId, board, outcome }, { parent }, (err, reply) =>
      (err ? reject(err) : resolve(reply)));
  });
}
