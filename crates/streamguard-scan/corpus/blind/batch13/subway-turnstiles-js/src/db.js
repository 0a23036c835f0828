'use strict';

const { Pool } = require('pg');
const config = require('./config');

const pool = new Pool({ connectionString: config.pgUrl, max: 12 });

async function recordTap(tap, accepted) {
  await pool.query(
    'INSERT INTO taps (tap_id, gate_id, card_hash, accepted, at) VALUES ($1,$2,$3,$4,now())',
    [tap.tapId, tap.gateId, tap.cardHash, accepted],
  );
}

module.exports = { pool, recordTap };
