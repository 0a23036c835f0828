// Gateway API keys live in Postgres; the key id travels with the call after
// the interceptor has checked it.
import { createHash } from 'node:crypto';
import { pool } from '../shared/db.mjs';

export async function lookupKey(raw) {
  const hash = createHash('sha256').update(raw).digest('hex');
  const { rows } = await pool.query('SELECT key_id, site_id, enabled FROM gateway_keys WHERE key_hash = $1', [hash]);
  const row = rows[0];
  if (!row || !row.enabled) return null;
  return { keyId: row.key_id, siteId: row.site_id };
}
