import pg from 'pg';
import { config } from './config.mjs';

export const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 20 });

// Runs one query on a dedicated client and cancels it server-side when the
// signal aborts (stream ended or caller deadline passed).
export async function cancellableQuery(sql, params, { signal } = {}) {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  const client = await pool.connect();
  const pid = client.processID;
  const onAbort = () => pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await client.query(sql, params);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    client.release();
  }
}

export async function latestReading(tankId, { signal } = {}) {
  const { rows } = await cancellableQuery(
    'SELECT tank_id, temp_c, gravity, pressure_bar, extract(epoch from ts)::bigint AS ts FROM readings WHERE tank_id = $1 ORDER BY ts DESC LIMIT 1',
    [tankId],
    { signal },
  );
  return rows[0] ?? null;
}
