import grpc from '@grpc/grpc-js';
import services from '../gen/ferry/booking/v1/booking_grpc_pb.js';
import { Revocations } from './revocations.mjs';
import { SubjectBuckets } from './limiter.mjs';
import { makeHoldSeats } from './handlers/holdSeats.mjs';
import { makeWatchSailing } from './handlers/watchSailing.mjs';
import { getFare } from './handlers/getFare.mjs';

const revocations = await Revocations.connect(process.env.NATS_URL ?? 'nats://nats.straitline.internal:4222');
const buckets = new SubjectBuckets({ ratePerSec: 5, burst: 20 });

const server = new grpc.Server({
  'grpc.max_connection_age_ms': 60 * 60_000,
  'grpc.max_connection_age_grace_ms': 30_000,
});

server.addService(services.BookingService, {
  holdSeats: makeHoldSeats({ revocations, buckets }),
  watchSailing: makeWatchSailing({ revocations }),
  getFare,
});

const addr = process.env.BOOKING_LISTEN ?? '0.0.0.0:50061';
server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(`booking: cannot listen on ${addr}: ${err.message}`);
    process.exit(1);
  }
  console.log(`booking listening on :${port}`);
});
