'use strict';

const grpc = require('@grpc/grpc-js');
const { pool } = require('../db');
const { requireOperator, stationsOf } = require('../auth/operator');

// Paged read of recent taps for one station (at most `limit`, capped at 5000).
async function listTaps(call) {
  const claims = requireOperator(call, 'taps:read');
  if (!claims) return;
  const { stationId, since, limit } = call.request;
  if (!stationsOf(claims).includes(stationId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'station not assigned' });
    return;
  }

  const deadline = call.getDeadline();
  const leftMs = deadline instanceof Date ? deadline.getTime() - Date.now() : 10_000;
  if (leftMs <= 0) {
    call.destroy({ code: grpc.status.DEADLINE_EXCEEDED, details: 'deadline passed' });
    return;
  }

  const client = await pool.connect();
  let cancelled = false;
  call.on('cancelled', () => {
    cancelled = true;
    client.query('SELECT pg_cancel_backend(pg_backend_pid())').catch(() => {});
  });
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = ${Math.floor(leftMs)}`);
    const res = await client.query(
      `SELECT t.tap_id, t.gate_id, t.accepted, t.at FROM taps t
         JOIN gates g ON g.gate_id = t.gate_id
        WHERE g.station_id = $1 AND t.at >= to_timestamp($2)
        ORDER BY t.at LIMIT $3`,
      [stationId, Number(since?.seconds || 0), Math.min(limit || 500, 5000)],
    );
    for (const row of res.rows) {
      if (cancelled) break;
      call.write({
        tapId: row.tap_id,
        gateId: row.gate_id,
        accepted: row.accepted,
        at: { seconds: Math.floor(row.at.getTime() / 1000) },
      });
    }
    await client.query('COMMIT');
    call.end();
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    if (!cancelled) call.destroy({ code: grpc.status.INTERNAL, details: err.message });
  } finally {
    client.release();
  }
}

module.exports = { listTaps };
