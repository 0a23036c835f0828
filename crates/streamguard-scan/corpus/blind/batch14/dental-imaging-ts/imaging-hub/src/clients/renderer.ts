import * as grpc from '@grpc/grpc-js';
import { config } from '../config';

// The slice renderer speaks a tiny gRPC API; we use the generic client.
const RenderSlice = {
  path: '/dental.render.v1.Renderer/RenderSlice',
  requestStream: false,
  responseStream: false,
  requestSerialize: (v: object) => Buffer.from(JSON.stringify(v)),
  requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
  responseSerialize: (v: object) => Buffer.from(JSON.stringify(v)),
  responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
};

const Renderer = grpc.makeGenericClientConstructor({ renderSlice: RenderSlice }, 'Renderer');
const client = new Renderer(config.rendererAddr, grpc.credentials.createInsecure(), {
  'grpc.default_compression_algorithm': 2,
});

export interface RenderRequest {
  studyId: string;
  view: string;
  slice: number;
  windowCenter: number;
  windowWidth: number;
}

export function renderSlice(req: RenderRequest, options: grpc.CallOptions): { call: grpc.ClientUnaryCall; result: Promise<Buffer> } {
  let call!: grpc.ClientUnaryCall;
  const result = new Promise<Buffer>((resolve, reject) => {
    call = (client as any).renderSlice(req, new grpc.Metadata(), options, (err: grpc.ServiceError | null, res: { png: string }) =>
      err ? reject(err) : resolve(Buffer.from(res.png, 'base64')),
    );
  });
  return { call, result };
}
