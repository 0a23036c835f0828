const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');

test('planTrip refuses a call without a token', () => {
  const { planTrip } = require('../src/handlers/planTrip');
  const call = new EventEmitter();
  call.metadata = { get: () => [] };
  let destroyed;
  call.destroy = (s) => { destroyed = s; };
  planTrip(call);
  assert.strictEqual(destroyed.code, 16);
});

// A fake board server used by the CLI smoke test: pushes forever.
function fakeWatchStop(call) {
  setInterval(() => call.write({ stopId: call.request.stopId, route: '12', tripId: 't', etaUnix: Date.now() / 1000 }), 100);
}
module.exports = { fakeWatchStop };
