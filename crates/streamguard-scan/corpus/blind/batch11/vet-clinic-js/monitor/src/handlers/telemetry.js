'use strict';
const grpc = require('@grpc/grpc-js');
const { verifyGatewayToken, AuthError } = require('../lib/auth');
const cages = require('../lib/cages');
const ehr = require('../lib/ehr');
const config = require('../config');

function streamCageTelemetry(call, callback) {
  let gateway;
  try {
    gateway = verifyGatewayToken(call);
  } catch (err) {
    return callback({ code: err.code, details: err.details });
  }

  let hello = null;
  let accepted = 0;
  let rejected = 0;
  let received = 0;

  call.on('data', async (msg) => {
    received += 1;
    if (received > config.maxReadingsPerStream) {
      call.removeAllListeners('data');
      return callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'too many readings on this stream' });
    }
    if (msg.hello) {
      if (!cages.gatewayServes(gateway.gatewayId, msg.hello.ward, msg.hello.cageId)) {
        return callback({ code: grpc.status.PERMISSION_DENIED, details: 'gateway not assigned to cage' });
      }
      hello = msg.hello;
      return;
    }
    if (!hello) {
      rejected += 1;
      return;
    }
    call.pause();
    try {
      await ehr.storeReading({
        cage_id: msg.reading.cageId,
        sensor: msg.reading.sensor,
        value: msg.reading.value,
        at: Number(msg.reading.unixMs),
        gateway: gateway.gatewayId,
      });
      accepted += 1;
    } catch (err) {
      rejected += 1;
    } finally {
      call.resume();
    }
  });

  call.on('end', () => callback(null, { accepted, rejected }));
  call.on('error', () => {});
}

module.exports = { streamCageTelemetry };
