'use strict';

const { authenticate, requireRole, fail } = require('../auth');
const db = require('../db');
const { lab } = require('../clients/lab');

// Finite server stream: every unit of a depot that expires within N hours.
async function listExpiring(call) {
  let staff;
  try {
    staff = authenticate(call);
    requireRole(staff, 'stock:read');
  } catch (err) {
    return fail(call, err);
  }
  const { depotId, withinHours } = call.request;
  if (!staff.depots.includes(depotId)) {
    return fail(call, { code: 7, details: 'depot not permitted' });
  }
  try {
    const rows = await db.withRemaining(call.getDeadline(), (client) =>
      db.expiringUnits(client, depotId, Math.min(withinHours || 24, 168)),
    );
    for (const r of rows) {
      if (call.cancelled) return;
      call.write({ unitId: r.unit_id, product: r.product, aboRh: r.abo_rh, depotId: r.depot_id, expiresUnix: r.expires_unix });
    }
    call.end();
  } catch (err) {
    fail(call, { code: 13, details: err.message });
  }
}

// Unary lookup.
function getUnit(call, callback) {
  try {
    authenticate(call);
  } catch (err) {
    return callback({ code: err.code, details: err.details });
  }
  db.pool
    .query('SELECT unit_id, product, abo_rh, depot_id FROM units WHERE unit_id = $1', [call.request.unitId])
    .then(({ rows }) => (rows[0] ? callback(null, { unitId: rows[0].unit_id, product: rows[0].product, aboRh: rows[0].abo_rh, depotId: rows[0].depot_id }) : callback({ code: 5, details: 'no such unit' })))
    .catch((err) => callback({ code: 13, details: err.message }));
}

module.exports = { listExpiring, getUnit };
