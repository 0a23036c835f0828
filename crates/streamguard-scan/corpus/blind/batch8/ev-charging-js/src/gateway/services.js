'use strict';

const { chargerLink } = require('./handlers/chargerLink');
const { watchSession } = require('./handlers/watchSession');
const { listSessions } = require('./handlers/listSessions');
const { remoteStart } = require('./handlers/remoteStart');

// Keys are the proto-loader (camelCase) method names of evcharge.v1.ChargePoints.
function chargePointsImpl() {
  return {
    chargerLink,
    watchSession,
    listSessions,
    remoteStart,
  };
}

module.exports = { chargePointsImpl };
