'use strict';

const { EventEmitter } = require('node:events');
const pb = require('../generated/chat_pb');

jest.mock('../auth', () => ({
  verifySession: (t) => {
    if (t !== 'good') throw new Error('bad');
    return { sub: 'bob', exp: Math.floor(Date.now() / 1000) + 60, jti: 'x', rooms: ['general'] };
  },
  tokenFromMetadata: () => 'good',
  isRevoked: () => false,
}));

const rooms = require('../rooms');
const hub = require('../hub');

function fakeDuplex() {
  const call = new EventEmitter();
  call.out = [];
  call.write = (m) => call.out.push(m);
  call.end = jest.fn();
  return call;
}

function hello(token, room) {
  const h = new pb.Hello();
  h.setToken(token);
  h.setRoom(room);
  const ev = new pb.ClientEvent();
  ev.setHello(h);
  return ev;
}

test('rejects a hello with a bad token', () => {
  const call = fakeDuplex();
  rooms.converse(call);
  call.emit('data', hello('nope', 'general'));
  expect(call.end).toHaveBeenCalled();
});

test('joins the room and receives broadcasts', () => {
  const call = fakeDuplex();
  rooms.converse(call);
  call.emit('data', hello('good', 'general'));
  hub.publish('general', { from: 'alice', text: 'hi' });
  expect(call.out.length).toBe(2);
  call.emit('cancelled');
});
