import { createHash, timingSafeEqual } from 'node:crypto';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.IMPORTER_DB_URL, max: 4 });

// API keys belong to partner banks: { owner, accounts[] }. Keys rotate yearly.
export async function resolveApiKey(metadata) {
  const [raw] = metadata.get('x-api-key');
  if (typeof raw !== 'string' || raw.length < 20 || raw.length > 200) return null;
  const digest = createHash('sha256').update(raw).digest();
  const { rows } = await pool.query('SELECT owner, accounts, key_sha256 FROM api_keys WHERE key_prefix = $1 AND disabled = false', [raw.slice(0, 8)]);
  for (const row of rows) {
    if (timingSafeEqual(Buffer.from(row.key_sha256, 'hex'), digest)) {
      return { owner: row.owner, accounts: new Set(row.accounts) };
    }
  }
  return null;
}
