import * as grpc from '@grpc/grpc-js';

export class PricingClient {
  constructor(private readonly stub: any) {}

  price(parent: grpc.ServerSurfaceCall, req: { pair: string; notional: number; side: string; client: string }) {
    return new Promise<{ price: number; validUntilMs: number }>((resolve, reject) => {
      this.stub.price(req, { parent }, (err: grpc.ServiceError | null, res: any) => (err ? reject(err) : resolve(res)));
    });
  }

  ticks(parent: grpc.ServerSurfaceCall, pairs: string[]): grpc.ClientReadableStream<any> {
    return this.stub.ticks({ pairs }, { parent, propagate_flags: grpc.propagate.DEFAULTS });
  }
}
