'use strict';

const axios = require('axios');
const config = require('../config');

const http = axios.create({ baseURL: config.occupancyApi });

// Counts come from the platform sensors service. The caller gives the
// signal and the time it has left.
async function stationCounts(stationId, { signal, timeoutMs }) {
  const res = await http.get(`/v2/stations/${encodeURIComponent(stationId)}/counts`, {
    signal,
    timeout: timeoutMs,
  });
  return res.data;
}

module.exports = { stationCounts };
