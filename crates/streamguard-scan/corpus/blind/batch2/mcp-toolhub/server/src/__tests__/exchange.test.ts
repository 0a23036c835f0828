import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import { bindClaims } from '../session.js';
import { exchange } from '../handlers/exchange.js';

class FakeDuplex extends EventEmitter {
  metadata = new grpc.Metadata();
  out: any[] = [];
  write(f: { json: Buffer }) {
    this.out.push(JSON.parse(f.json.toString()));
    return true;
  }
  end() {}
  destroy() {}
  getDeadline() {
    return Infinity;
  }
}

test('tools/call is refused without the tool scope', async () => {
  const call = new FakeDuplex();
  bindClaims(call.metadata, { sub: 'u1', jti: 'j', exp: Date.now() / 1000 + 60, scope: 'docs:read' });
  exchange(call as any);
  call.emit('data', { json: Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'write_file', arguments: { uri: 'ws://u1/a' } } })) });
  await new Promise((r) => setImmediate(r));
  assert.equal(call.out[0].error.message, 'insufficient_scope');
  call.emit('cancelled');
});
