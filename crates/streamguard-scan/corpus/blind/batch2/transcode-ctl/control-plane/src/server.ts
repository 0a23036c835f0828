import * as grpc from '@grpc/grpc-js';
import { pkg } from './proto';
import { submitAndWatch, uploadSource, cancelJob } from './handlers';

const server = new grpc.Server({
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
});

server.addService(pkg.ControlPlane.service, {
  submitAndWatch,
  uploadSource,
  cancelJob,
});

const addr = process.env.CONTROL_PLANE_ADDR ?? '0.0.0.0:8600';
server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`control-plane listening on ${addr}`);
});
