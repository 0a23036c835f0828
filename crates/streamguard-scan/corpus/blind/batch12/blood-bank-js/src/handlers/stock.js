'use strict';

const { authenticate, requireRole, fail } = require('../auth');
const db = require('../db');
const config = require('../config');

// Server stream: pushes stock levels of a depot every few seconds until the
// hospital dashboard closes it.
function watchStock(call) {
  let staff;
  try {
    staff = authenticate(call);
    requireRole(staff, 'stock:read');
  } catch (err) {
    return fail(call, err);
  }
  const { depotId, products } = call.request;
  if (!staff.depots.includes(depotId)) {
    return fail(call, { code: 7, details: `depot ${depotId} not permitted` });
  }

  let last = '';
  const tick = async () => {
    try {
      const wanted = products.length ? products : ['RBC', 'PLT', 'FFP'];
      const rows = await db.withRemaining(call.getDeadline(), (client) => db.stockLevels(client, depotId, wanted));
      const snapshot = JSON.stringify(rows);
      if (snapshot === last) return;
      last = snapshot;
      for (const r of rows) {
        call.write({ depotId: r.depot_id, product: r.product, aboRh: r.abo_rh, units: r.units, atUnix: Math.floor(Date.now() / 1000) });
      }
    } catch (err) {
      console.error('stock poll failed', err.message);
    }
  };

  const timer = setInterval(tick, config.stockPollMs);
  tick();
  call.on('cancelled', () => clearInterval(timer));
  call.on('close', () => clearInterval(timer));
}

module.exports = { watchStock };
