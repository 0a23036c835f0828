import * as grpc from '@grpc/grpc-js';
import { Pool } from 'pg';
import { AlertPoller } from './alerts/poller';
import { DeviceDirectory } from './directory';
import { FleetQueryImpl } from './service';

const services = require('./gen/console_grpc_pb.js');

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.CONSOLE_DATABASE_URL,
    max: 10,
  });
  const poller = new AlertPoller(pool, Number(process.env.ALERT_POLL_MS || 3000));
  poller.start();
  const directory = new DeviceDirectory(pool);
  await directory.start();

  const server = new grpc.Server({
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
  });
  const impl = new FleetQueryImpl(directory, poller);
  server.addService(services.FleetQueryService, impl.handlers());

  const addr = process.env.CONSOLE_LISTEN || '0.0.0.0:7600';
  server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    console.log(`fleet console api on :${port}`);
  });

  process.on('SIGTERM', () => {
    poller.stop();
    directory.stop();
    server.tryShutdown(() => pool.end().then(() => process.exit(0)));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
