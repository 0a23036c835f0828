'use strict';

const grpc = require('@grpc/grpc-js');
const log = require('pino')({ name: 'scanner' });
const { authenticate, AuthError } = require('../auth');
const plc = require('../clients/plc');
const config = require('../config');

function scannerLink(call) {
  let device;
  try {
    device = authenticate(call, { scope: 'scanner' });
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    throw err;
  }

  let hello = null;
  let windowStart = Date.now();
  let scansInWindow = 0;

  call.on('data', async (msg) => {
    if (msg.hello) {
      if (!device.belts.includes(msg.hello.beltId)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'belt not assigned to scanner' });
        return;
      }
      hello = msg.hello;
      log.info({ scanner: hello.scannerId, belt: hello.beltId }, 'scanner online');
      return;
    }
    if (!hello) {
      call.destroy({ code: grpc.status.FAILED_PRECONDITION, details: 'hello first' });
      return;
    }

    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      scansInWindow = 0;
    }
    if (++scansInWindow > config.scannerMaxScansPerSecond) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'scan rate exceeded' });
      return;
    }

    const { bagTag, beltId, destination } = msg.scan;
    call.pause();
    try {
      const reply = await plc.divert(call, bagTag, beltId, destination);
      call.write({ bagTag, chute: reply.chute });
    } catch (err) {
      call.write({ bagTag, error: err.details || err.message });
    } finally {
      call.resume();
    }
  });

  call.on('end', () => call.end());
  call.on('error', (err) => log.warn({ err: err.message }, 'scanner stream error'));
}

module.exports = { scannerLink };
