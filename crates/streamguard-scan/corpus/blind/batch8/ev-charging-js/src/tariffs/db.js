'use strict';

const { Pool } = require('pg');
const config = require('../lib/config');

const pool = new Pool({ connectionString: config.pgUrl, max: 5 });

async function tariffsChangedSince(siteIds, revision) {
  const { rows } = await pool.query(
    `SELECT site_id, per_kwh_minor, per_minute_minor, currency, valid_from_ms, revision
       FROM tariffs WHERE site_id = ANY($1) AND revision > $2 ORDER BY revision`,
    [siteIds, revision],
  );
  return rows;
}

async function tariffOf(siteId) {
  const { rows } = await pool.query('SELECT * FROM tariffs WHERE site_id = $1 ORDER BY revision DESC LIMIT 1', [siteId]);
  return rows[0] || null;
}

module.exports = { tariffsChangedSince, tariffOf };
