'use strict';

const { Pool } = require('pg');
const config = require('./config');

const pool = new Pool({ connectionString: config.pgUrl, max: 20 });

async function stockLevels(client, depotId, products) {
  const { rows } = await client.query(
    `SELECT depot_id, product, abo_rh, count(*)::int AS units
       FROM units
      WHERE depot_id = $1 AND product = ANY($2) AND status = 'available'
      GROUP BY depot_id, product, abo_rh`,
    [depotId, products],
  );
  return rows;
}

async function expiringUnits(client, depotId, withinHours) {
  const { rows } = await client.query(
    `SELECT unit_id, product, abo_rh, depot_id, extract(epoch FROM expires_at)::bigint AS expires_unix
       FROM units
      WHERE depot_id = $1 AND expires_at < now() + make_interval(hours => $2)
      ORDER BY expires_at`,
    [depotId, withinHours],
  );
  return rows;
}

// Runs fn with a client whose statement_timeout is the caller's remaining time.
async function withRemaining(deadline, fn) {
  const client = await pool.connect();
  try {
    const ms = deadline === Infinity ? 15000 : Math.max(1, Math.floor(new Date(deadline).getTime() - Date.now()));
    await client.query(`SET statement_timeout = ${ms}`);
    return await fn(client);
  } finally {
    client.release();
  }
}

module.exports = { pool, stockLevels, expiringUnits, withRemaining };
