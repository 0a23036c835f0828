'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');
const bus = require('../src/lib/bus');
const { subscribeWire } = require('../src/services/subscribe');

class FakeCall extends EventEmitter {
  constructor(request) {
    super();
    this.request = request;
    this.destroyed = null;
  }
  write() {}
  destroy(status) { this.destroyed = status; }
}

test('a subscription with no licensed desk is refused', () => {
  const call = new FakeCall({ desks: ['business'], minUrgency: 0 });
  subscribeWire(call, { sub: 'client-9', desks: ['sports'] });
  assert.strictEqual(call.destroyed.code, 7);
});

test('cancel removes the bus listener', () => {
  const before = bus.listenerCount('published');
  const call = new FakeCall({ desks: ['sports'], minUrgency: 0 });
  subscribeWire(call, { sub: 'client-9', desks: ['sports'] });
  assert.strictEqual(bus.listenerCount('published'), before + 1);
  call.emit('cancelled');
  assert.strictEqual(bus.listenerCount('published'), before);
});
