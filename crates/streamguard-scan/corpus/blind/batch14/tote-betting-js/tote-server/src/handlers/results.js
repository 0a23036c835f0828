'use strict';

const grpc = require('@grpc/grpc-js');
const db = require('../db');

// Declared results of a meeting: one message per race, then the stream ends.
async function listResults(call, claims) {
  try {
    const rows = await db.withDeadline(call.getDeadline(), async (client) => {
      const { rows } = await client.query(
        'SELECT race_no, placings, dividends FROM results WHERE meeting_id = $1 ORDER BY race_no',
        [call.request.meetingId],
      );
      return rows;
    });
    for (const r of rows) {
      call.write({ raceNo: r.race_no, placings: r.placings, dividendsCents: r.dividends });
    }
    call.end();
  } catch (e) {
    call.destroy({ code: grpc.status.UNAVAILABLE, details: e.message });
  }
}

async function getMeeting(call, callback) {
  const { rows } = await db.pool.query('SELECT id, course, races FROM meetings WHERE id = $1', [call.request.meetingId]);
  if (!rows.length) return callback({ code: grpc.status.NOT_FOUND });
  callback(null, { meetingId: rows[0].id, course: rows[0].course, races: rows[0].races });
}

module.exports = { listResults, getMeeting };
