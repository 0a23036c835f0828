import * as grpc from "@grpc/grpc-js";

// Minimal grpc.health.v1 implementation (Check only) so the mesh can probe the server.
const HealthDefinition = {
  check: {
    path: "/grpc.health.v1.Health/Check",
    requestStream: false,
    responseStream: false,
    requestSerialize: (v: Buffer) => v,
    requestDeserialize: (b: Buffer) => b,
    responseSerialize: (v: Buffer) => v,
    responseDeserialize: (b: Buffer) => b,
  },
};

// SERVING = 1, encoded by hand: field 1, varint.
const SERVING = Buffer.from([0x08, 0x01]);

export function addHealth(server: grpc.Server): void {
  server.addService(HealthDefinition as unknown as grpc.ServiceDefinition, {
    check: (_call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, SERVING),
  });
}
