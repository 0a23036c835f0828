'use strict';
// Gateway -> cages assignment, loaded from the ward plan at boot and reloaded by SIGHUP.
const fs = require('fs');

let plan = {};
function load(file = process.env.WARD_PLAN || '/etc/vetmon/wardplan.json') {
  try { plan = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (_) { plan = {}; }
}
load();
process.on('SIGHUP', () => load());

function gatewayServes(gatewayId, ward, cageId) {
  const g = plan[gatewayId];
  return Boolean(g && g.ward === ward && (g.cages || []).includes(cageId));
}

module.exports = { gatewayServes, load };
