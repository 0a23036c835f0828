// Marks every machine of a store out of order before a renovation.
import * as grpc from '@grpc/grpc-js';
import { StoreOpsClient, ConsoleEvent } from '../src/generated/laundry';

async function main(storeId: string, machines: string[]) {
  const client = new StoreOpsClient(process.env.STOREOPS ?? 'localhost:50061', grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.WASHCO_TOKEN}`);
  const call = client.storeConsole(md);
  call.on('data', (ev: ConsoleEvent) => console.log(ev.requestId, ev.status, ev.detail));
  call.write({ requestId: 'claim', claim: { storeId } });
  for (const m of machines) {
    call.write({ requestId: `refund-${m}`, refund: { storeId, machineId: m, cents: 0, reason: 'renovation' } });
  }
  call.end();
}

main(process.argv[2], process.argv.slice(3)).catch((e) => {
  console.error(e);
  process.exit(1);
});
