'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');
const { editDesk } = require('../src/services/editDesk');

class FakeCall extends EventEmitter {
  constructor() {
    super();
    this.written = [];
    this.destroyed = null;
  }
  write(msg) { this.written.push(msg); }
  destroy(status) { this.destroyed = status; }
  end() { this.ended = true; }
}

test('joining a desk the editor does not belong to ends the session', () => {
  const call = new FakeCall();
  editDesk(call, { sub: 'ed-1', desks: ['sports'] });
  call.emit('data', { join: { desk: 'politics' } });
  assert.strictEqual(call.destroyed.code, 7);
});

test('commands before join are refused', () => {
  const call = new FakeCall();
  editDesk(call, { sub: 'ed-1', desks: ['sports'] });
  call.emit('data', { hold: { storyId: 's-1', reason: 'legal' } });
  assert.strictEqual(call.destroyed.code, 9);
});

test('join is acknowledged', () => {
  const call = new FakeCall();
  editDesk(call, { sub: 'ed-1', desks: ['sports'] });
  call.emit('data', { join: { desk: 'sports' } });
  assert.deepStrictEqual(call.written[0].kind, 'joined');
});
