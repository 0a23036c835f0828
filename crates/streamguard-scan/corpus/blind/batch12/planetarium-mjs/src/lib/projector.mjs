import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { config } from './config.mjs';

const def = protoLoader.loadSync(new URL('../../proto/projector.proto', import.meta.url).pathname, { keepCase: false, defaults: true });
const pkg = grpc.loadPackageDefinition(def);
const bridge = new pkg.projector.v1.ProjectorBridge(config.projectorAddr, grpc.credentials.createInsecure());

// Downstream calls inherit the operator stream's deadline and cancellation.
export function fireCue(parent, req) {
  return new Promise((resolve, reject) => {
    bridge.fire(req, { parent }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export function subscribeCues(parent, domeId) {
  return bridge.follow({ domeId }, { parent });
}
