import * as grpc from '@grpc/grpc-js';

// Minimal client for blobstore.v1.BlobStore/Put (unary); the stub is built by hand to avoid
// pulling the whole blobstore proto into this repo.
const putMethod = {
  path: '/blobstore.v1.BlobStore/Put',
  requestStream: false,
  responseStream: false,
  requestSerialize: (b: Buffer) => b,
  requestDeserialize: (b: Buffer) => b,
  responseSerialize: (b: Buffer) => b,
  responseDeserialize: (b: Buffer) => b,
};

export class BlobStoreClient {
  private readonly client: grpc.Client;

  constructor(addr: string) {
    this.client = new grpc.Client(addr, grpc.credentials.createInsecure());
  }

  put(body: Buffer, parent: grpc.ServerReadableStream<any, any>): Promise<string> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        putMethod.path,
        putMethod.requestSerialize,
        putMethod.responseDeserialize,
        body,
        new grpc.Metadata(),
        { parent },
        (err, value) => (err ? reject(err) : resolve(value!.toString('utf8'))),
      );
    });
  }
}
