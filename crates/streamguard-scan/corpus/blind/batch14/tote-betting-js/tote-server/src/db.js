'use strict';

const { Pool } = require('pg');
const config = require('./config');

const pool = new Pool({ connectionString: config.databaseUrl, max: 20 });

// Runs `fn` in a transaction whose statement timeout is what is left of the
// caller's deadline (grpc-js gives us an absolute Date or Infinity).
async function withDeadline(deadline, fn) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (deadline instanceof Date) {
      const left = Math.max(1, deadline.getTime() - Date.now());
      await client.query(`SET LOCAL statement_timeout = ${Math.floor(left)}`);
    }
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function accountOwner(accountId) {
  const { rows } = await pool.query('SELECT punter_sub FROM accounts WHERE id = $1', [accountId]);
  return rows.length ? rows[0].punter_sub : null;
}

module.exports = { pool, withDeadline, accountOwner };
