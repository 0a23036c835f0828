import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const def = protoLoader.loadSync(path.resolve(__dirname, '../proto/mcp/v1/mcp.proto'), { defaults: true, oneofs: true });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mcp = (grpc.loadPackageDefinition(def) as any).mcp.v1;

async function main() {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.TOKEN}`);
  const client = new mcp.McpStreaming(process.env.TARGET ?? 'localhost:50051', grpc.credentials.createInsecure());
  const call = client.StreamToolCalls(md, { deadline: Date.now() + 10_000 });
  call.write({ requestId: '1', name: 'echo', arguments: { fields: { text: { stringValue: 'hi' } } } });
  call.write({ requestId: '2', name: 'write_file', arguments: {} });
  call.end();
  for await (const ev of call) {
    console.log(JSON.stringify(ev));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
