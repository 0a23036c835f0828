'use strict';

const axios = require('axios');
const config = require('../config');

const http = axios.create({ baseURL: config.doorsUrl });

const DEFAULT_BUDGET_MS = 8000;

// Remaining time of the caller's deadline, or a default when it set none.
function budgetFor(call) {
  const d = call.getDeadline();
  const at = d instanceof Date ? d.getTime() : Number(d);
  if (!Number.isFinite(at)) return DEFAULT_BUDGET_MS;
  return Math.max(0, at - Date.now());
}

async function unlock(call, vaultId, signal) {
  const { data } = await http.post(`/vaults/${vaultId}/unlock`, {}, { timeout: budgetFor(call), signal });
  return data;
}

async function lock(call, vaultId, signal) {
  const { data } = await http.post(`/vaults/${vaultId}/lock`, {}, { timeout: budgetFor(call), signal });
  return data;
}

module.exports = { unlock, lock, budgetFor };
