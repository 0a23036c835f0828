import grpc from '@grpc/grpc-js';
import { RangeGuard } from '../guard.mjs';
import { mayScore } from '../auth.mjs';

const MAX_ARROWS = 6 * 12 * 4 * 24; // 24 lanes x 4 archers x 12 ends x 6 arrows

// Judges upload a paper scoresheet batch after a power cut; bounded.
export function makeUploadEndScores({ feed, pg }) {
  return async function uploadEndScores(call, callback) {
    const guard = await RangeGuard.open(call, feed);
    if (!guard) return;
    let accepted = 0;
    let rejected = 0;
    const client = await pg.connect();
    try {
      const deadline = call.getDeadline();
      if (deadline instanceof Date) {
        await client.query(`SET statement_timeout = ${Math.max(1, deadline.getTime() - Date.now())}`);
      }
      for await (const arrow of call) {
        if (accepted + rejected >= MAX_ARROWS) {
          callback({ code: grpc.status.OUT_OF_RANGE, details: 'too many arrows' });
          return;
        }
        if (!mayScore(guard.claims, arrow)) {
          rejected += 1;
          continue;
        }
        await client.query(
          'INSERT INTO arrows (tournament_id, lane, archer_id, end_no, arrow_no, value) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING',
          [arrow.tournamentId, arrow.lane, arrow.archerId, arrow.endNo, arrow.arrowNo, arrow.value],
        );
        accepted += 1;
      }
      callback(null, { accepted, rejected });
    } catch (e) {
      callback({ code: grpc.status.UNAVAILABLE, details: e.message });
    } finally {
      await client.query('RESET statement_timeout').catch(() => {});
      client.release();
      guard.dispose();
    }
  };
}
