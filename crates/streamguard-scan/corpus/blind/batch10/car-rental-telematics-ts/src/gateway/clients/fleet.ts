import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'path';
import { config } from '../config';

const def = protoLoader.loadSync(path.join(__dirname, '../../../proto/rental/fleet/v1/fleet.proto'));
const pkg = grpc.loadPackageDefinition(def) as any;

export const location = new pkg.rental.fleet.v1.Location(config.locationAddr, grpc.credentials.createInsecure());
export const tcu = new pkg.rental.fleet.v1.Tcu(config.tcuAddr, grpc.credentials.createInsecure());
export const incidents = new pkg.rental.fleet.v1.Incidents(config.incidentsAddr, grpc.credentials.createInsecure());

export function unary<Req, Res>(client: any, method: string, req: Req, options: grpc.CallOptions): Promise<Res> {
  return new Promise((resolve, reject) => {
    client[method](req, options, (err: grpc.ServiceError | null, res: Res) => (err ? reject(err) : resolve(res)));
  });
}
