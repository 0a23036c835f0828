import { credentials, makeGenericClientConstructor, type ServerSurfaceCall, type ServiceError } from "@grpc/grpc-js";

const PosClient = makeGenericClientConstructor(
  {
    markServed: {
      path: "/pos.v2.Orders/MarkServed",
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
      responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
    },
  },
  "pos.v2.Orders",
);

const client = new PosClient(process.env.POS_ADDR ?? "pos.brigade.internal:9200", credentials.createInsecure());

// parent: the incoming call, so the POS call inherits its deadline and is
// cancelled with it (grpc-js default propagate flags).
export function markServed(parent: ServerSurfaceCall, ticketId: string, action: string): Promise<void> {
  return new Promise((resolve, reject) => {
    (client as any).markServed({ ticketId, action }, { parent }, (err: ServiceError | null) => (err ? reject(err) : resolve()));
  });
}
