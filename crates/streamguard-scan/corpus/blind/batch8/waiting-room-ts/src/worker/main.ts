import * as grpc from '@grpc/grpc-js';
import { setTimeout as sleep } from 'node:timers/promises';

// admit-worker releases fans from the queue at the rate the box office sets.
// It runs as a cron-like loop next to each on-sale and uses a service token.
const addr = process.env.WAITROOM_ADDR ?? 'localhost:7443';
const onsaleId = process.argv[2];
const perTick = Number(process.env.ADMIT_PER_TICK ?? 200);
const tickMs = Number(process.env.ADMIT_TICK_MS ?? 5000);

if (!onsaleId) {
  console.error('usage: admit-worker ONSALE_ID  (ADMIT_PER_TICK, ADMIT_TICK_MS, WAITROOM_TOKEN in env)');
  process.exit(2);
}

const Client = grpc.makeGenericClientConstructor(
  {
    admitNext: {
      path: '/waitroom.v1.WaitingRoom/AdmitNext',
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: Buffer) => v,
      requestDeserialize: (b: Buffer) => b,
      responseSerialize: (v: Buffer) => v,
      responseDeserialize: (b: Buffer) => b,
    },
  },
  'WaitingRoom',
);

async function main(): Promise<void> {
  const client = new Client(addr, grpc.credentials.createInsecure()) as any;
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${process.env.WAITROOM_TOKEN ?? ''}`);
  const { AdmitNextRequest } = await import('../generated/waitroom');
  for (;;) {
    const body = Buffer.from(AdmitNextRequest.encode({ onsaleId, count: perTick }).finish());
    await new Promise<void>((resolve) =>
      client.admitNext(body, md, { deadline: Date.now() + 3000 }, (err: grpc.ServiceError | null) => {
        if (err) console.error(`admit: ${err.details}`);
        resolve();
      }),
    );
    await sleep(tickMs);
  }
}

void main();
