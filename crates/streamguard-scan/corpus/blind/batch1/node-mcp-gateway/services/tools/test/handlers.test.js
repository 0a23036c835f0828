'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');
const grpc = require('@grpc/grpc-js');

function fakeCall(metadata, request) {
  const call = new EventEmitter();
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(metadata)) md.set(k, v);
  call.metadata = md;
  call.request = request;
  call.written = [];
  call.write = (m) => call.written.push(m);
  call.end = () => { call.ended = true; };
  call.destroy = (e) => { call.destroyed = e; };
  call.getDeadline = () => Infinity;
  return call;
}

test('watchResource stops its timer on cancel', async () => {
  const handlers = require('../src/handlers');
  const call = fakeCall({ 'x-auth-sub': 'u1' }, { uri: 'res://a', intervalMs: 250 });
  handlers.watchResource(call);
  call.emit('cancelled');
  await new Promise((r) => setTimeout(r, 600));
  assert.strictEqual(call.written.length, 0);
});

test('streamToolCalls rejects a tool outside the granted scopes', async () => {
  const handlers = require('../src/handlers');
  const call = fakeCall({ 'x-auth-sub': 'u1', 'x-auth-scopes': 'tools:basic' }, undefined);
  handlers.streamToolCalls(call);
  call.emit('data', { requestId: '1', name: 'delete_repo', arguments: {} });
  await new Promise((r) => setImmediate(r));
  assert.strictEqual(call.written[0].error.status, 'PERMISSION_DENIED');
  assert.ok(call.ended);
});

test('every message is processed in order', async () => {
  const handlers = require('../src/handlers');
  const call = fakeCall({ 'x-auth-sub': 'u1', 'x-auth-scopes': 'tools:basic' }, undefined);
  handlers.streamToolCalls(call);
  for (const id of ['1', '2', '3']) {
    call.emit('data', { requestId: id, name: 'echo', arguments: {} });
  }
  call.emit('end');
  assert.ok(call.ended);
});
