import * as grpc from '@grpc/grpc-js';
import pg from 'pg';
import { ArbiterGuard } from '../guard.js';
import { config } from '../config.js';

const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 8 });
const MAX_PGN_BYTES = 8 * 1024 * 1024;

export function makeUploadPgn() {
  return async function uploadPgn(call, callback) {
    let guard;
    try {
      guard = await ArbiterGuard.open(call);
    } catch (err) {
      callback({ code: err.code ?? grpc.status.UNAUTHENTICATED, details: err.message });
      return;
    }
    const parts = [];
    let size = 0;
    let target;
    try {
      for await (const chunk of call) {
        target ??= { tournamentId: chunk.tournamentId, round: chunk.round };
        if (chunk.tournamentId !== target.tournamentId || !guard.mayUse(chunk.tournamentId, '*')) {
          callback({ code: grpc.status.PERMISSION_DENIED, details: 'tournament_not_allowed' });
          return;
        }
        size += chunk.data.length;
        if (size > MAX_PGN_BYTES) {
          callback({ code: grpc.status.INVALID_ARGUMENT, details: 'pgn too large' });
          return;
        }
        parts.push(chunk.data);
      }
      const pgnText = Buffer.concat(parts).toString('utf8');
      const games = pgnText.split(/\n\n(?=\[Event )/).filter(Boolean);
      const remaining = Math.max(1, call.getDeadline() instanceof Date
        ? call.getDeadline().getTime() - Date.now() : 30_000);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL statement_timeout = ${Math.floor(remaining)}`);
        for (const g of games) {
          await client.query('INSERT INTO games (tournament_id, round, pgn) VALUES ($1, $2, $3)',
            [target.tournamentId, target.round, g]);
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
      callback(null, { games: games.length });
    } catch (err) {
      callback({ code: grpc.status.INTERNAL, details: err.message });
    } finally {
      guard.release();
    }
  };
}
