'use strict';
// Alarm history kept on local disk by the monitoring appliance (sqlite).
const Database = require('better-sqlite3');

const db = new Database(process.env.ALARM_DB || '/var/lib/vitals/alarms.db', { readonly: true });
const stmt = db.prepare('SELECT bed_id, ts, severity, text FROM alarms WHERE bed_id = ? ORDER BY ts DESC LIMIT ?');

async function recent(bedId, limit) {
  return stmt.all(bedId, limit);
}

module.exports = { recent };
