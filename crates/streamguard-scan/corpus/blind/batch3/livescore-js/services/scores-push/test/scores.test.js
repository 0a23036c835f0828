'use strict';

var assert = require('assert');
var sinon = require('sinon');
var EventEmitter = require('events');
var scores = require('../lib/scores');
var requireFan = require('../lib/requireFan');

function fakeStream(req) {
  var call = new EventEmitter();
  call.request = req;
  call.metadata = { get: function () { return ['k-1']; } };
  call.write = sinon.spy();
  call.end = sinon.spy();
  call.destroy = sinon.spy();
  call.getPeer = function () { return 'ipv4:10.0.0.5:51234'; };
  return call;
}

describe('leagueTicker', function () {
  var clock;
  beforeEach(function () {
    clock = sinon.useFakeTimers();
    sinon.stub(requireFan, 'lookup').returns({ id: 'fan-1', tier: 'premium', active: true });
  });
  afterEach(function () {
    clock.restore();
    sinon.restore();
  });

  it('stops ticking once the client goes away', function () {
    scores.board = { live: function () { return [{ id: 'm1', home: 'A', away: 'B', homeScore: 1, awayScore: 0, clock: "12'" }]; } };
    var call = fakeStream({ getLeague: function () { return 'epl'; } });
    call.fan = { tier: 'premium' };
    scores.handlers.leagueTicker(call);
    clock.tick(5000);
    call.emit('cancelled');
    clock.tick(60000);
    assert.ok(call.write.callCount <= 1);
  });
});
