import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { createLedgerStore } from './ledgerStore.js';
import { createImporterService } from './services/import.js';

const protoPath = fileURLToPath(new URL('../../proto/ledger.proto', import.meta.url));
const { ledger } = grpc.loadPackageDefinition(protoLoader.loadSync(protoPath, { longs: String, defaults: true }));

const server = new grpc.Server({ 'grpc.max_receive_message_length': 1 << 20 });
server.addService(ledger.Importer.service, createImporterService({
  store: createLedgerStore(ledger, process.env.LEDGER_STORE_ADDR ?? 'ledger-store:50051'),
}));

server.bindAsync(process.env.IMPORTER_LISTEN ?? '0.0.0.0:50062', grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
});
