/*!
 * grpc-heartbeat 1.2.0
 * Periodic heartbeat messages for @grpc/grpc-js server streams.
 * (c) 2021 grpc-heartbeat contributors, MIT License
 */
'use strict';

var DEFAULT_INTERVAL = 15000;

function attach(call, makeMessage, intervalMs) {
  var timer = setInterval(function () {
    call.write(makeMessage());
  }, intervalMs || DEFAULT_INTERVAL);
  return function detach() {
    clearInterval(timer);
  };
}

function heartbeatService(makeMessage, intervalMs) {
  return function heartbeat(call) {
    attach(call, makeMessage, intervalMs);
  };
}

module.exports = { attach: attach, heartbeatService: heartbeatService };
