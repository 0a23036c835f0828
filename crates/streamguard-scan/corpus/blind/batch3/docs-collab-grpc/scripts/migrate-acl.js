#!/usr/bin/env node
import fs from 'node:fs';
import pg from 'pg';

const ROLE_MAP = { admin: 'owner', write: 'editor', read: 'viewer', comment: 'viewer' };

function convert(rows) {
  const out = [];
  for (const row of rows) {
    const role = ROLE_MAP[row.permission];
    if (!role) continue;
    out.push({ user_id: row.user, doc_id: row.document, role });
  }
  return out;
}

async function upsertAll(members, client) {
  for (const m of members) {
    await client.query(
      'INSERT INTO doc_members (user_id, doc_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, doc_id) DO UPDATE SET role = EXCLUDED.role',
      [m.user_id, m.doc_id, m.role],
    );
  }
}

const file = process.argv[2];
if (!file) {
  console.error('usage: migrate-acl.js legacy-acl.json');
  process.exit(2);
}
const legacy = JSON.parse(fs.readFileSync(file, 'utf8'));
const client = new pg.Client({ connectionString: process.env.COLLAB_DATABASE_URL });
await client.connect();
const members = convert(legacy);
await upsertAll(members, client);
console.log(`migrated ${members.length} memberships`);
await client.end();
