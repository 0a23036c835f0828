import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const def = protoLoader.loadSync(path.join(here, '../../../proto/federation/v1/results.proto'), { defaults: true });
const { federation } = grpc.loadPackageDefinition(def);

const client = new federation.v1.Results(
  process.env.FEDERATION_ADDR ?? 'results.worldarchery.example:443',
  grpc.credentials.createSsl(),
);

// The submission is a child of the caller's call: same deadline, and it is
// cancelled when the caller goes away.
export function submitEnd(parent, end) {
  return new Promise((resolve, reject) => {
    client.submitEnd(end, { parent, propagate_flags: grpc.propagate.DEFAULTS }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
  });
}
