import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

// Seat / lane inventory lives in the reservations core (Java). We talk to it
// with its published proto, vendored in ops/protos.
const def = protoLoader.loadSync(new URL('../../ops/protos/inventory.proto', import.meta.url).pathname, { keepCase: false, defaults: true });
const { Inventory } = grpc.loadPackageDefinition(def).straitline.inventory.v3;
const client = new Inventory(process.env.INVENTORY_ADDR ?? 'inventory.straitline.internal:6565', grpc.credentials.createInsecure());

function unary(method, req, parent) {
  return new Promise((resolve, reject) => {
    // parent: deadline and cancellation of the booking call flow to inventory
    client[method](req, { parent }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export const sailingRoute = (sailingId, parent) => unary('describeSailing', { sailingId }, parent).then((s) => s.routeId);
export const hold = (req, parent) => unary('hold', req, parent);
export const release = (holdId, parent) => unary('release', { holdId }, parent);
export const confirm = (holdId, parent) => unary('confirm', { holdId }, parent);
