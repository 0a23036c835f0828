'use strict';
// Helpers over the static GTFS feed (loaded nightly into memory).
const fs = require('node:fs');
const readline = require('node:readline');

async function loadCsv(file) {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let header;
  const rows = [];
  for await (const line of rl) {
    const cells = line.split(',');
    if (!header) {
      header = cells;
      continue;
    }
    const row = {};
    header.forEach((h, i) => { row[h] = cells[i]; });
    rows.push(row);
  }
  return rows;
}

function indexBy(rows, key) {
  const m = new Map();
  for (const r of rows) m.set(r[key], r);
  return m;
}

// Seconds after midnight from "HH:MM:SS" (may exceed 24h for trips past midnight).
function gtfsTime(s) {
  const [h, m, sec] = s.split(':').map(Number);
  return h * 3600 + m * 60 + sec;
}

async function loadFeed(dir) {
  const [stops, routes, trips] = await Promise.all([
    loadCsv(`${dir}/stops.txt`), loadCsv(`${dir}/routes.txt`), loadCsv(`${dir}/trips.txt`),
  ]);
  return { stops: indexBy(stops, 'stop_id'), routes: indexBy(routes, 'route_id'), trips: indexBy(trips, 'trip_id') };
}

module.exports = { loadFeed, gtfsTime, indexBy };
