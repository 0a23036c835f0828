'use strict';

const log = require('../lib/logger');
const db = require('./db');

const POLL_MS = 15_000;

// Roaming hubs keep one WatchTariffs stream per partner open; prices change a
// few times a day, so a slow poll of the tariffs table is plenty.
function watchTariffs(call) {
  const siteIds = call.request.siteIds;
  let revision = 0;
  let stopped = false;

  const tick = async () => {
    try {
      const rows = await db.tariffsChangedSince(siteIds, revision);
      for (const r of rows) {
        revision = Math.max(revision, Number(r.revision));
        call.write({
          tariff: {
            siteId: r.site_id,
            perKwhMinor: Number(r.per_kwh_minor),
            perMinuteMinor: Number(r.per_minute_minor),
            currency: r.currency,
            validFromMs: Number(r.valid_from_ms),
          },
          revision,
        });
      }
    } catch (err) {
      log.warn({ err: err.message }, 'tariff poll failed');
    }
  };

  tick();
  const timer = setInterval(tick, POLL_MS);

  call.on('finish', () => {
    stopped = true;
    clearInterval(timer);
  });
  call.on('error', (err) => {
    log.info({ err: err.message, stopped }, 'tariff watcher errored');
  });
}

function getTariff(call, callback) {
  db.tariffOf(call.request.siteId)
    .then((r) => callback(null, r ? {
      siteId: r.site_id,
      perKwhMinor: Number(r.per_kwh_minor),
      perMinuteMinor: Number(r.per_minute_minor),
      currency: r.currency,
      validFromMs: Number(r.valid_from_ms),
    } : {}))
    .catch((err) => callback({ code: 13, details: err.message }));
}

module.exports = { watchTariffs, getTariff };
