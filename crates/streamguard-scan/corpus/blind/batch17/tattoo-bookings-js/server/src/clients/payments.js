'use strict';

const axios = require('axios');
const config = require('../config');

const http = axios.create({ baseURL: config.paymentsUrl });

const DEFAULT_BUDGET_MS = 8000;

// Time left on the caller's deadline; the default applies only when the caller set none.
function budgetFor(call) {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return Math.max(0, deadline.getTime() - Date.now());
  if (typeof deadline === 'number' && Number.isFinite(deadline)) return Math.max(0, deadline - Date.now());
  return DEFAULT_BUDGET_MS;
}

async function captureDeposit(call, signal, { studioId, bookingId, amountCents, cardToken }) {
  const res = await http.post(
    '/v2/deposits',
    { studio: studioId, booking: bookingId, amount: amountCents, card: cardToken },
    { timeout: budgetFor(call), signal },
  );
  return res.data;
}

module.exports = { captureDeposit, budgetFor };
