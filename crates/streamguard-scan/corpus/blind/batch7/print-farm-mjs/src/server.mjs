import fs from 'node:fs';
import grpc from '@grpc/grpc-js';
import services from './generated/farm_grpc_pb.js';
import messages from './generated/farm_pb.js';
import { authenticate } from './auth.mjs';
import { config } from './config.mjs';
import { CallGuard } from './guard/callGuard.mjs';
import { revocations } from './guard/revocations.mjs';
import { makeOperatorConsole } from './handlers/operatorConsole.mjs';
import { makeUploadGcode } from './handlers/uploadGcode.mjs';
import { makeWatchPrinter } from './handlers/watchPrinter.mjs';
import { loadInventory, printer } from './printers.mjs';

/** Authenticates a streaming call and arms its guard; null when the call was refused. */
async function open(call, callback) {
  try {
    const claims = await authenticate(call.metadata);
    return new CallGuard(call, claims).start();
  } catch (err) {
    const status = { code: err.code ?? grpc.status.UNAUTHENTICATED, details: err.message };
    if (callback) callback(status);
    else call.destroy(status);
    return null;
  }
}

async function getPrinter(call, callback) {
  try {
    await authenticate(call.metadata);
  } catch (err) {
    return callback({ code: err.code, details: err.message });
  }
  const p = printer(call.request.getPrinterId());
  if (!p) return callback({ code: grpc.status.NOT_FOUND, details: 'no such printer' });
  const out = new messages.Printer();
  out.setPrinterId(p.id);
  out.setModel(p.model);
  out.setSite(p.site);
  callback(null, out);
}

async function main() {
  console.log(`${loadInventory()} printers loaded`);
  process.on('SIGHUP', () => loadInventory());
  await revocations.start(config.natsUrl);

  const server = new grpc.Server({
    'grpc.max_connection_age_ms': 60 * 60_000,
    'grpc.max_connection_age_grace_ms': 30_000,
  });
  server.addService(services.PrintFarmService, {
    watchPrinter: makeWatchPrinter({ open }),
    uploadGcode: makeUploadGcode({ open }),
    operatorConsole: makeOperatorConsole({ open }),
    getPrinter,
  });
  const creds = grpc.ServerCredentials.createSsl(
    fs.readFileSync(config.tls.ca),
    [{ cert_chain: fs.readFileSync(config.tls.cert), private_key: fs.readFileSync(config.tls.key) }],
    false,
  );
  server.bindAsync(config.listen, creds, (err, port) => {
    if (err) throw err;
    console.log(`farm-server on ${port}`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
