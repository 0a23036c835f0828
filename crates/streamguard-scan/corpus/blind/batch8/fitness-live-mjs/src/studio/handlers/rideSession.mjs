import grpc from '@grpc/grpc-js';
import { leaderboards } from '../leaderboard.mjs';
import { canJoin } from '../entitlements.mjs';
import { TokenBucket } from '../tokenBucket.mjs';

const BOARD_PUSH_MS = 1000;

export function makeRideSession() {
  return function rideSession(call, rider) {
    let classId = null;
    let boardTimer = null;
    let offHighFive = null;
    // Bikes send 1 Hz metrics; anything much faster is a bad client.
    const bucket = new TokenBucket(10, 4);

    const send = (msg) => call.write(msg);
    const stop = () => {
      if (boardTimer) clearInterval(boardTimer);
      boardTimer = null;
      if (offHighFive) offHighFive();
      if (classId) leaderboards.leave(classId, rider.id);
    };

    call.on('data', (msg) => {
      if (!bucket.take()) {
        send({ error: { code: 'RESOURCE_EXHAUSTED', message: 'slow down' } });
        return;
      }
      switch (msg.msg) {
        case 'join': {
          if (classId) {
            send({ error: { code: 'FAILED_PRECONDITION', message: 'already in a class' } });
            return;
          }
          if (!canJoin(rider, msg.join.classId)) {
            call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not booked on ${msg.join.classId}` });
            return;
          }
          classId = msg.join.classId;
          const listener = (ev) => send({ highFive: { fromRiderId: ev.fromRiderId } });
          const topic = `high-five:${classId}:${rider.id}`;
          leaderboards.on(topic, listener);
          offHighFive = () => leaderboards.off(topic, listener);
          boardTimer = setInterval(() => send({ leaderboard: leaderboards.frame(classId) }), BOARD_PUSH_MS);
          break;
        }
        case 'metrics':
          if (classId) leaderboards.record(classId, rider, msg.metrics);
          break;
        case 'highFive':
          // Riders high-five across the studio during the cool-down.
          leaderboards.highFive(msg.highFive.classId, rider.id, msg.highFive.targetRiderId);
          break;
        default:
          send({ error: { code: 'INVALID_ARGUMENT', message: 'unknown message' } });
      }
    });
    call.on('end', () => {
      stop();
      call.end();
    });
    call.on('cancelled', stop);
    call.on('error', stop);
  };
}
