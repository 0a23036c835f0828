'use strict';
// Maps proto RPC names to handler functions.
const { getStop } = require('./handlers/getStop');
const { watchStop } = require('./handlers/watchStop');
const { vehicleFeed } = require('./handlers/vehicleFeed');
const { planTrip } = require('./handlers/planTrip');

module.exports = {
  arrivals: {
    GetStop: getStop,
    WatchStop: watchStop,
    VehicleFeed: vehicleFeed,
    PlanTrip: planTrip,
  },
};
