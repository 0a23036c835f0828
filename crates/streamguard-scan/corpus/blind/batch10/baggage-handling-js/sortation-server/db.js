'use strict';

const { Pool } = require('pg');
const config = require('./config');

const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });

async function mishandledFor(date, station) {
  const { rows } = await pool.query(
    `SELECT bag_tag, flight, status, last_seen FROM mishandled WHERE day = $1 AND station = $2 ORDER BY bag_tag`,
    [date, station],
  );
  return rows;
}

module.exports = { mishandledFor, pool };
