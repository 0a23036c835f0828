#!/usr/bin/env node
// Exports final results to CSV for the federation upload.
import pg from 'pg';
import fs from 'node:fs';

const [raceId, out = 'results.csv'] = process.argv.slice(2);
if (!raceId) {
  console.error('usage: export-results <race-id> [out.csv]');
  process.exit(2);
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const { rows } = await client.query(
  `SELECT bib, name, category, gun_ms, chip_ms FROM results WHERE race_id=$1 ORDER BY chip_ms`,
  [raceId],
);
const lines = ['bib,name,category,gun_ms,chip_ms'];
for (const r of rows) lines.push([r.bib, JSON.stringify(r.name), r.category, r.gun_ms, r.chip_ms].join(','));
fs.writeFileSync(out, lines.join('\n') + '\n');
await client.end();
console.log(`wrote ${rows.length} rows to ${out}`);
