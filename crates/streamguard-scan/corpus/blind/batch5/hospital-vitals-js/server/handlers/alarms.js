'use strict';
const { authenticate } = require('../auth');
const config = require('../config');
const alarmStore = require('../alarmStore');

async function listAlarms(call) {
  if (!authenticate(call)) return;
  const limit = Math.min(call.request.limit || 50, config.maxAlarmPage);
  const rows = await alarmStore.recent(call.request.bedId, limit);
  for (const row of rows) {
    if (call.cancelled) return;
    call.write({ bedId: row.bed_id, tsMs: row.ts, severity: row.severity, text: row.text });
  }
  call.end();
}

module.exports = listAlarms;
