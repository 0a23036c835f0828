'use strict';

const grpc = require('@grpc/grpc-js');
const db = require('../db');
const { authenticate } = require('../auth');

function remainingMs(call, fallbackMs) {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return deadline.getTime() - Date.now();
  if (typeof deadline === 'number' && Number.isFinite(deadline)) return deadline - Date.now();
  return fallbackMs;
}

async function listSessions(call) {
  let operator;
  try {
    operator = authenticate(call, 'driver');
  } catch (err) {
    call.destroy({ code: err.code, details: err.details });
    return;
  }
  const { siteId, fromUnixMs, toUnixMs } = call.request;
  const sites = await db.sitesOf(operator.sub);
  if (!sites.includes(siteId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not an operator of ${siteId}` });
    return;
  }
  let cancelled = false;
  call.on('cancelled', () => {
    cancelled = true;
  });
  const budget = remainingMs(call, 60_000);
  if (budget <= 0) {
    call.destroy({ code: grpc.status.DEADLINE_EXCEEDED, details: 'deadline passed before the query started' });
    return;
  }
  try {
    for await (const r of db.sessionsOfSite(siteId, fromUnixMs, toUnixMs, { statementTimeoutMs: budget })) {
      if (cancelled) break;
      call.write({
        sessionId: r.id,
        chargerId: r.charger_id,
        energyKwh: Number(r.energy_kwh),
        startedMs: Number(r.started_ms),
        stoppedMs: Number(r.stopped_ms),
      });
    }
    call.end();
  } catch (err) {
    call.destroy({ code: grpc.status.INTERNAL, details: `query failed: ${err.message}` });
  }
}

module.exports = { listSessions };
