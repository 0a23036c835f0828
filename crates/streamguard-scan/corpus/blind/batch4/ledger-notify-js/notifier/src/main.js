import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { authInterceptor } from './interceptors/auth.js';
import { BookingFeed } from './feed.js';
import { createStatementsClient } from './clients/statements.js';
import { createAccountFeedService } from './services/accounts.js';

const protoPath = fileURLToPath(new URL('../../proto/ledger.proto', import.meta.url));
const pkgDef = protoLoader.loadSync(protoPath, { longs: String, defaults: true });
const { ledger } = grpc.loadPackageDefinition(pkgDef);

const feed = new BookingFeed(process.env.LEDGER_REDIS_URL ?? 'redis://127.0.0.1:6379/2');
feed.start().catch((err) => {
  console.error('booking feed stopped:', err);
  process.exit(1);
});

const server = new grpc.Server({
  interceptors: [authInterceptor],
  'grpc.max_connection_age_ms': 20 * 60 * 1000,
  'grpc.max_connection_age_grace_ms': 15_000,
});

server.addService(
  ledger.AccountFeed.service,
  createAccountFeedService({
    feed,
    statements: createStatementsClient(ledger, process.env.LEDGER_STORE_ADDR ?? 'ledger-store:443'),
  }),
);

const creds = grpc.ServerCredentials.createInsecure();
server.bindAsync(process.env.NOTIFIER_LISTEN ?? '0.0.0.0:50061', creds, (err, port) => {
  if (err) throw err;
  console.log(`notifier listening on ${port}`);
});

process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
