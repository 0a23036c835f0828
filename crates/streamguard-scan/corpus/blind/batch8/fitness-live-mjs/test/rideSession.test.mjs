import test from 'node:test';
import assert from 'node:assert';
import { EventEmitter } from 'node:events';
import { makeRideSession } from '../src/studio/handlers/rideSession.mjs';
import { loadBookings } from '../src/studio/entitlements.mjs';

function fakeCall() {
  const call = new EventEmitter();
  call.sent = [];
  call.write = (m) => call.sent.push(m);
  call.end = () => {};
  call.destroy = (e) => {
    call.destroyed = e;
  };
  return call;
}

test('a rider not booked on the class is refused at join', () => {
  loadBookings([{ classId: 'nyc:0700', riderId: 'r-1' }]);
  const call = fakeCall();
  makeRideSession()(call, { id: 'r-2', name: 'Sam', tier: 'basic' });
  call.emit('data', { msg: 'join', join: { classId: 'nyc:0700' } });
  assert.match(call.destroyed.details, /not booked/);
});

test('the leaderboard timer stops when the rider cancels', () => {
  loadBookings([{ classId: 'nyc:0700', riderId: 'r-1' }]);
  const call = fakeCall();
  makeRideSession()(call, { id: 'r-1', name: 'Ana', tier: 'basic' });
  call.emit('data', { msg: 'join', join: { classId: 'nyc:0700' } });
  call.emit('cancelled');
  const before = call.sent.length;
  return new Promise((resolve) =>
    setTimeout(() => {
      assert.strictEqual(call.sent.length, before);
      resolve();
    }, 1200),
  );
});
