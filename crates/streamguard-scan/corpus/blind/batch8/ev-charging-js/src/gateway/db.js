'use strict';

const { Pool } = require('pg');
const config = require('../lib/config');

const pool = new Pool({ connectionString: config.pgUrl, max: 20 });

async function sessionOwner(sessionId) {
  const { rows } = await pool.query('SELECT driver_sub, state FROM sessions WHERE id = $1', [sessionId]);
  return rows[0] || null;
}

async function sitesOf(operatorSub) {
  const { rows } = await pool.query('SELECT site_id FROM site_operators WHERE operator_sub = $1', [operatorSub]);
  return rows.map((r) => r.site_id);
}

// Streams rows page by page so that a year of sessions never sits in memory.
async function* sessionsOfSite(siteId, fromMs, toMs, { statementTimeoutMs }) {
  const client = await pool.connect();
  try {
    await client.query(`SET statement_timeout = ${Math.max(1, Math.floor(statementTimeoutMs))}`);
    let after = '';
    for (;;) {
      const { rows } = await client.query(
        `SELECT id, charger_id, energy_kwh, started_ms, stopped_ms FROM sessions
          WHERE site_id = $1 AND started_ms BETWEEN $2 AND $3 AND id > $4 ORDER BY id LIMIT 500`,
        [siteId, fromMs, toMs, after],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield r;
      after = rows[rows.length - 1].id;
    }
  } finally {
    client.release();
  }
}

module.exports = { pool, sessionOwner, sitesOf, sessionsOfSite };
