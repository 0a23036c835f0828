'use strict';

const grpc = require('@grpc/grpc-js');
const log = require('../../lib/logger');
const config = require('../../lib/config');
const billing = require('../billingClient');
const bus = require('../sessionBus');
const { authenticate } = require('../auth');

const links = new Map(); // chargerId -> call, used by RemoteStart

function reply(call, messageId, command) {
  call.write({ messageId, ...command });
}

// ChargerLink is the long-lived OCPP-style link of one charger. Frames are
// answered in order; billing is consulted for id tags, meter values and stops.
function chargerLink(call) {
  let charger;
  try {
    charger = authenticate(call, 'charger');
  } catch (err) {
    call.destroy({ code: err.code, details: err.details });
    return;
  }
  const { chargerId } = charger;
  links.set(chargerId, call);
  log.info({ chargerId }, 'charger link open');

  // Chargers with broken firmware have been seen sending hundreds of
  // MeterValues a second; shed them rather than hammer billing.
  let windowStart = Date.now();
  let framesInWindow = 0;

  call.on('data', async (frame) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      framesInWindow = 0;
    }
    framesInWindow += 1;
    if (framesInWindow > config.maxFramesPerSecond) {
      reply(call, frame.messageId, { ack: { status: 'Rejected' } });
      return;
    }

    try {
      switch (frame.frame) {
        case 'boot':
          log.info({ chargerId, firmware: frame.boot.firmware }, 'boot');
          reply(call, frame.messageId, { ack: { status: 'Accepted' } });
          break;
        case 'heartbeat':
        case 'status':
          reply(call, frame.messageId, { ack: { status: 'Accepted' } });
          break;
        case 'start': {
          const res = await billing.authorizeIdTag(
            { chargerId, idTag: frame.start.idTag, connectorId: frame.start.connectorId },
            call,
          );
          reply(call, frame.messageId, { idTagInfo: { status: res.status, transactionId: res.transactionId } });
          break;
        }
        case 'meter': {
          await billing.recordMeter(
            { transactionId: frame.meter.transactionId, energyWh: frame.meter.energyWh, unixMs: frame.meter.unixMs },
            call,
          );
          bus.publish({
            sessionId: frame.meter.transactionId,
            energyKwh: frame.meter.energyWh / 1000,
            state: 'Charging',
            unixMs: frame.meter.unixMs,
          });
          reply(call, frame.messageId, { ack: { status: 'Accepted' } });
          break;
        }
        case 'stop': {
          const closed = await billing.closeTransaction(
            { transactionId: frame.stop.transactionId, meterStopWh: frame.stop.meterStopWh, reason: frame.stop.reason },
            call,
          );
          bus.publish({ sessionId: frame.stop.transactionId, costMinor: closed.costMinor, state: 'Finished', unixMs: Date.now() });
          reply(call, frame.messageId, { ack: { status: 'Accepted' } });
          break;
        }
        default:
          reply(call, frame.messageId, { ack: { status: 'NotSupported' } });
      }
    } catch (err) {
      log.warn({ chargerId, err: err.message }, 'frame failed');
      reply(call, frame.messageId, { ack: { status: 'Rejected' } });
    }
  });

  const close = () => {
    if (links.get(chargerId) === call) links.delete(chargerId);
  };
  call.on('end', () => {
    close();
    call.end();
  });
  call.on('cancelled', close);
  call.on('error', close);
}

module.exports = { chargerLink, links };
