'use strict';

const test = require('node:test');
const assert = require('node:assert');
const grpc = require('@grpc/grpc-js');
const { bearerOf } = require('../server/auth');
const { guarded } = require('../server/guarded');

function fakeCall(auth) {
  const md = new grpc.Metadata();
  if (auth) md.set('authorization', auth);
  const destroyed = [];
  return { metadata: md, getPeer: () => 'ipv4:127.0.0.1:5000', destroy: (s) => destroyed.push(s), destroyed };
}

test('bearerOf extracts the token', () => {
  const call = fakeCall('Bearer abc.def.ghi');
  assert.strictEqual(bearerOf(call.metadata), 'abc.def.ghi');
});

test('bearerOf ignores other schemes', () => {
  assert.strictEqual(bearerOf(fakeCall('Basic Zm9vOmJhcg==').metadata), null);
});

test('guarded refuses a call without a token', () => {
  const call = fakeCall(null);
  let ran = false;
  guarded('cues:read', () => { ran = true; })(call);
  assert.strictEqual(ran, false);
  assert.strictEqual(call.destroyed[0].code, grpc.status.UNAUTHENTICATED);
});

// An endless fake display feed used by the display firmware tests.
function fakeWatchCues(call) {
  let n = 0;
  setInterval(() => call.write({ number: n++, text: `cue ${n}` }), 10);
}

test('fake feed writes', (t, done) => {
  const writes = [];
  fakeWatchCues({ write: (c) => { writes.push(c); if (writes.length === 2) done(); } });
});
