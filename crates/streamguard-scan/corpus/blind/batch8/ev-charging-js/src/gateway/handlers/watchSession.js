'use strict';

const grpc = require('@grpc/grpc-js');
const bus = require('../sessionBus');
const db = require('../db');
const { authenticate } = require('../auth');

// WatchSession follows one charging session from plug-in to unplug. A DC fast
// charge takes 20-40 minutes, an overnight AC session ten hours.
async function watchSession(call) {
  let driver;
  try {
    driver = authenticate(call, 'driver');
  } catch (err) {
    call.destroy({ code: err.code, details: err.details });
    return;
  }

  const { sessionId } = call.request;
  const session = await db.sessionOwner(sessionId);
  if (!session || session.driver_sub !== driver.sub) {
    call.destroy({ code: grpc.status.NOT_FOUND, details: `no session ${sessionId} for this driver` });
    return;
  }
  if (session.state === 'Finished') {
    call.end();
    return;
  }

  const unsubscribe = bus.subscribe(sessionId, (update) => {
    call.write(update);
    if (update.state === 'Finished') {
      unsubscribe();
      call.end();
    }
  });
  call.on('cancelled', unsubscribe);
  call.on('error', unsubscribe);
}

module.exports = { watchSession };
