'use strict';
const axios = require('axios');
const config = require('../config');

const http = axios.create({ baseURL: config.ehrBaseUrl, timeout: 5000 });

async function latestVitals(patientId) {
  const res = await http.get(`/patients/${encodeURIComponent(patientId)}/vitals/latest`);
  return res.data;
}

async function patient(patientId, opts = {}) {
  const res = await http.get(`/patients/${encodeURIComponent(patientId)}`, opts);
  return res.data;
}

async function visits(patientId, opts = {}) {
  const res = await http.get(`/patients/${encodeURIComponent(patientId)}/visits`, opts);
  return res.data.items;
}

async function storeReading(reading) {
  await http.post('/telemetry', reading);
}

module.exports = { latestVitals, patient, visits, storeReading };
