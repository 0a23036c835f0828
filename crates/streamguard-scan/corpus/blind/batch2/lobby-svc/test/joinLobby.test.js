'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');
const jwt = require('jsonwebtoken');
const { joinLobby } = require('../src/handlers/joinLobby');
const { registry } = require('../src/lobbies');

function fakeCall(sub) {
  const call = new EventEmitter();
  const token = jwt.sign({ sub, name: sub }, 'dev-only-secret', { issuer: 'arcade-auth' });
  call.metadata = { get: (k) => (k === 'authorization' ? [`Bearer ${token}`] : []) };
  call.out = [];
  call.write = (m) => call.out.push(m);
  call.end = () => {};
  call.destroy = (e) => call.out.push({ destroyed: e });
  return call;
}

test('join then chat', () => {
  const id = registry.create({ name: 'test', hostId: 'alice', region: 'eu', mode: 'ffa' });
  const alice = fakeCall('alice');
  joinLobby(alice);
  alice.emit('data', { cmd: 'join', join: { lobbyId: id, password: '' } });
  assert.equal(alice.out[0].state.lobbyId, id);
  alice.emit('data', { cmd: 'chat', chat: { lobbyId: id, text: 'gl hf' } });
  assert.ok(alice.out.some((m) => m.chat && m.chat.text.includes('gl hf')));
  alice.emit('cancelled');
});
