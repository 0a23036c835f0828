import * as grpc from '@grpc/grpc-js';
import { config } from './config';

// The seat inventory service is an older grpc-js service loaded dynamically;
// only the three calls we need are described here.
const InventoryClient = grpc.makeGenericClientConstructor(
  {
    holdSeat: {
      path: '/inventory.v2.Seats/HoldSeat',
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: object) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
      responseSerialize: (v: object) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
    },
    releaseSeat: {
      path: '/inventory.v2.Seats/ReleaseSeat',
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: object) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
      responseSerialize: (v: object) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
    },
  },
  'Seats',
);

const client = new InventoryClient(config.inventoryAddr, grpc.credentials.createInsecure());

export interface HoldResult {
  ok: boolean;
  expiresMs: number;
  reason?: string;
}

// Calls are children of the fan's stream: a cancelled cart stream cancels its
// holds in flight and the inventory sees the caller's deadline.
export function holdSeat(parent: grpc.ServerDuplexStream<unknown, unknown>, eventId: string, seatId: string, holder: string): Promise<HoldResult> {
  return new Promise((resolve, reject) => {
    (client as any).holdSeat({ eventId, seatId, holder }, { parent }, (err: grpc.ServiceError | null, res: HoldResult) =>
      err ? reject(err) : resolve(res),
    );
  });
}

export function releaseSeat(parent: grpc.ServerDuplexStream<unknown, unknown>, eventId: string, seatId: string, holder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    (client as any).releaseSeat({ eventId, seatId, holder }, { parent }, (err: grpc.ServiceError | null) => (err ? reject(err) : resolve()));
  });
}
