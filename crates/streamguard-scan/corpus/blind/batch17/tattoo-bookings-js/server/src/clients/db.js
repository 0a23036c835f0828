'use strict';

const { Pool } = require('pg');
const config = require('../config');

const pool = new Pool({ connectionString: config.databaseUrl, max: 12 });

async function chairState(studioId, chairId) {
  const { rows } = await pool.query(
    `SELECT b.booking_id, b.state, extract(epoch from b.updated_at) * 1000 AS at_ms
       FROM bookings b
      WHERE b.studio_id = $1 AND b.chair_id = $2 AND b.day = current_date
      ORDER BY b.updated_at DESC LIMIT 1`,
    [studioId, chairId],
  );
  return rows[0] || null;
}

async function recordCancel(studioId, bookingId, reason, by) {
  await pool.query(
    `UPDATE bookings SET state = 'cancelled', cancel_reason = $3, cancelled_by = $4, updated_at = now()
      WHERE studio_id = $1 AND booking_id = $2`,
    [studioId, bookingId, reason, by],
  );
}

async function moveBooking(studioId, bookingId, newStartUnix) {
  await pool.query(
    `UPDATE bookings SET start_at = to_timestamp($3), updated_at = now()
      WHERE studio_id = $1 AND booking_id = $2`,
    [studioId, bookingId, newStartUnix],
  );
}

module.exports = { pool, chairState, recordCancel, moveBooking };
