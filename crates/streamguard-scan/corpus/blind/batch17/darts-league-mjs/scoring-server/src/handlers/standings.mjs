import grpc from '@grpc/grpc-js';
import messages from '../../gen/league_pb.js';
import statsMessages from '../../gen/stats_pb.js';
import { MatchGuard } from '../guard/match-guard.mjs';
import { stats } from '../clients/stats.mjs';

export function makeExportStandings() {
  return async function exportStandings(call) {
    const guard = await MatchGuard.open(call);
    if (!guard) return;
    if (!guard.claims.scopes.has('standings:read')) {
      return guard.end(grpc.status.PERMISSION_DENIED, 'insufficient_scope');
    }
    const req = new statsMessages.DivisionTableRequest();
    req.setDivisionId(call.request.getDivisionId());
    const upstream = stats.divisionTable(req, { parent: call });
    upstream.on('data', (row) => {
      const out = new messages.StandingRow();
      out.setPlayerId(row.getPlayerId());
      out.setPlayed(row.getPlayed());
      out.setWon(row.getWon());
      out.setLegDiff(row.getLegDiff());
      out.setAverage(row.getAverage());
      call.write(out);
    });
    upstream.on('error', (err) => guard.end(err.code ?? grpc.status.UNAVAILABLE, err.details ?? 'stats unavailable'));
    upstream.on('end', () => call.end());
  };
}
