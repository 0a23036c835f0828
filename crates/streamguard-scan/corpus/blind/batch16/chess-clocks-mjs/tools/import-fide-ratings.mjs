#!/usr/bin/env node
// Loads the monthly FIDE rating list into the clocks database (run by cron, not a server).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import pg from 'pg';

const [,, file] = process.argv;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 60_000 });

async function importLines(lines) {
  for (const line of lines) {
    const id = line.slice(0, 15).trim();
    const name = line.slice(15, 76).trim();
    const rating = Number(line.slice(113, 117));
    if (id && rating) {
      await pool.query('INSERT INTO ratings (fide_id, name, rating) VALUES ($1, $2, $3) ON CONFLICT (fide_id) DO UPDATE SET rating = $3', [id, name, rating]);
    }
  }
}

const batch = [];
for await (const line of createInterface({ input: createReadStream(file) })) {
  batch.push(line);
  if (batch.length === 500) await importLines(batch.splice(0));
}
await importLines(batch);
await pool.end();
