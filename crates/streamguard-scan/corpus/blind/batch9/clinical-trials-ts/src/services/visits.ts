import * as grpc from "@grpc/grpc-js";
import type { ExportVisitsRequest } from "../generated/edc/v1/edc";

// Client for the visit scheduler's streaming export (same message shapes).
const VisitsExport = grpc.makeGenericClientConstructor(
  {
    list: {
      path: "/visits.v1.Scheduler/ListVisits",
      requestStream: false,
      responseStream: true,
      requestSerialize: (v: ExportVisitsRequest) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
      responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
    },
  },
  "Scheduler",
);

export class VisitsClient {
  private readonly client: grpc.Client & { list: (req: ExportVisitsRequest, options: Partial<grpc.CallOptions>) => grpc.ClientReadableStream<unknown> };

  constructor(addr: string) {
    this.client = new VisitsExport(addr, grpc.credentials.createInsecure()) as never;
  }

  list(req: ExportVisitsRequest, options: Partial<grpc.CallOptions>): grpc.ClientReadableStream<unknown> {
    return this.client.list(req, options);
  }
}
