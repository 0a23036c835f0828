'use strict';

const { Pool } = require('pg');
const config = require('./config');

const pool = new Pool({ connectionString: config.pgUrl, max: 10 });

async function adjustStock(accessionId, deltaGrams, actor) {
  const { rows } = await pool.query(
    `UPDATE accessions SET grams = grams + $2, updated_by = $3
       WHERE accession_id = $1 AND grams + $2 >= 0
     RETURNING grams`,
    [accessionId, deltaGrams, actor],
  );
  if (rows.length === 0) throw new Error('insufficient stock or unknown accession');
  return rows[0].grams;
}

module.exports = { pool, adjustStock };
