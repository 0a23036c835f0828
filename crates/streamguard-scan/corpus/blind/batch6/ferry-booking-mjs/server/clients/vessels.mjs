import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const def = protoLoader.loadSync(new URL('../../ops/protos/fleet.proto', import.meta.url).pathname, { keepCase: false, defaults: true });
const { Fleet } = grpc.loadPackageDefinition(def).straitline.fleet.v1;
const client = new Fleet(process.env.FLEET_ADDR ?? 'fleet.straitline.internal:6570', grpc.credentials.createInsecure());

export function sailingPosition(sailingId, parent) {
  return new Promise((resolve, reject) => {
    client.sailingPosition({ sailingId }, { parent }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}
