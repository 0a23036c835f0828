import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const def = protoLoader.loadSync(path.resolve(__dirname, '../../../../proto/search/v1/search.proto'), {
  keepCase: false,
  defaults: true,
});
const searchPkg = grpc.loadPackageDefinition(def) as any;

export type SearchClient = grpc.Client & {
  search(req: unknown, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res: any) => void): grpc.ClientUnaryCall;
};

export function makeSearchClient(target: string): SearchClient {
  return new searchPkg.search.v1.DocSearch(target, grpc.credentials.createInsecure());
}

export interface RunOptions {
  signal: AbortSignal;
  deadline: grpc.Deadline;
}

export function searchDocs(client: SearchClient, query: string, topK: number, opts: RunOptions): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const call = client.search({ query, topK }, { deadline: opts.deadline }, (err, res) => {
      if (err) reject(err);
      else resolve(res.hits);
    });
    opts.signal.addEventListener('abort', () => call.cancel(), { once: true });
  });
}
