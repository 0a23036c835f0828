import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import path from "node:path";
import { config } from "../config";

const def = protoLoader.loadSync(path.join(__dirname, "../../../proto/plcgw/v1/plcgw.proto"), { keepCase: false, defaults: true });
const pkg = grpc.loadPackageDefinition(def) as any;
const client = new pkg.plcgw.v1.RidePlc(config.plcGatewayAddr, grpc.credentials.createInsecure());

/** Sends a dispatch-interlock command to the ride's PLC gateway. */
export function sendInterlock(rideId: string, action: string): Promise<{ accepted: boolean }> {
  return new Promise((resolve, reject) => {
    client.setInterlock({ rideId, action }, { deadline: Date.now() + 5000 }, (err: grpc.ServiceError | null, reply: any) =>
      err ? reject(err) : resolve(reply));
  });
}
