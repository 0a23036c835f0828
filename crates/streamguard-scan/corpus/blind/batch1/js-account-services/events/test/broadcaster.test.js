'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');
const { Broadcaster, publish } = require('../lib/broadcaster');

test('broadcaster filters by kind and stops on cancel', () => {
  const call = new EventEmitter();
  const got = [];
  call.write = (ev) => got.push(ev);
  new Broadcaster(call, ['signup']).start();
  publish({ kind: 'signup', userId: 'u1' });
  publish({ kind: 'login', userId: 'u1' });
  call.emit('cancelled');
  publish({ kind: 'signup', userId: 'u2' });
  assert.deepStrictEqual(got.map((e) => e.userId), ['u1']);
});
