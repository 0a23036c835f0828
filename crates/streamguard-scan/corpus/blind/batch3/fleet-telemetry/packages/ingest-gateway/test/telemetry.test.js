'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { EventEmitter } = require('node:events');
const handlers = require('../src/handlers/telemetry');

function fakeCall(request, devices) {
  const call = new EventEmitter();
  call.request = request;
  call.metadata = { get: (k) => (k === 'x-fleet-devices' ? [devices.join(',')] : []) };
  call.written = [];
  call.write = (m) => call.written.push(m);
  call.destroy = (e) => { call.destroyed = e; };
  return call;
}

test('RegisterDevice rejects devices outside the fleet', (t, done) => {
  const call = fakeCall({ deviceId: 'd-9', model: 'x', firmware: '1' }, ['d-1']);
  handlers.RegisterDevice(call, (err) => {
    assert.equal(err.code, 7);
    done();
  });
});

test('WatchDeviceConfig detaches on cancel', () => {
  const call = fakeCall({ deviceId: 'd-1', knownRevision: 0 }, ['d-1']);
  handlers.WatchDeviceConfig(call);
  call.emit('cancelled');
  assert.equal(call.written.length, 0);
});

test('tick helper streams forever in the fake', () => {
  const call = fakeCall({}, []);
  const timer = setInterval(() => call.write({ tick: Date.now() }), 5);
  setTimeout(() => clearInterval(timer), 20);
});
