import grpc from '@grpc/grpc-js';
import postgres from 'postgres';
import { ShowGuard } from '../lib/guard.mjs';
import { config } from '../lib/config.mjs';
import pb from '../generated/show_pb.js';

const sql = postgres(config.pgUrl, { max: 8 });

function remainingMs(call, fallback) {
  const d = call.getDeadline();
  if (d === Infinity) return fallback;
  return Math.max(1, (d instanceof Date ? d.getTime() : Number(d)) - Date.now());
}

// Finite: the cue log of one past show.
export function makeExportLog() {
  return async function exportLog(call) {
    let guard;
    try {
      guard = await ShowGuard.open(call);
    } catch (err) {
      return call.destroy(err);
    }
    const domeId = call.request.getDomeId();
    if (!guard.canDome(domeId) || !guard.has('log:read')) {
      return guard.end(grpc.status.PERMISSION_DENIED, 'not permitted');
    }
    try {
      const rows = await sql.begin(async (tx) => {
        await tx.unsafe(`SET LOCAL statement_timeout = ${remainingMs(call, 20_000)}`);
        return tx`SELECT dome_id, show_id, cue, label, at_ms FROM cue_log
                   WHERE dome_id = ${domeId} AND show_id = ${call.request.getShowId()} ORDER BY at_ms`;
      });
      for (const r of rows) {
        if (guard.signal.aborted) return;
        const ev = new pb.CueEvent();
        ev.setDomeId(r.dome_id);
        ev.setShowId(r.show_id);
        ev.setCue(r.cue);
        ev.setLabel(r.label);
        ev.setAtMs(Number(r.at_ms));
        call.write(ev);
      }
      call.end();
    } catch (err) {
      guard.end(grpc.status.UNAVAILABLE, err.message);
    }
  };
}
