// Cellar API handlers, built by a factory so tests can pass fakes.
import * as grpc from '@grpc/grpc-js';
import { TankGuard } from '../shared/tankGuard.mjs';

const SAMPLE_MS = 5_000;

export function createCellarHandlers({ db, recipes, logStore }) {
  async function watchTank(call) {
    let guard;
    try {
      guard = await TankGuard.open(call);
    } catch (e) {
      call.destroy(e);
      return;
    }
    const tankId = call.request.getTankId();
    if (!guard.canSee(tankId.split('-')[0])) {
      guard.end(grpc.status.PERMISSION_DENIED, 'tank not in your sites');
      return;
    }
    while (!guard.signal.aborted) {
      const row = await db.latestReading(tankId, { signal: guard.signal }).catch(() => null);
      if (row && !guard.signal.aborted) {
        call.write({ tankId, tempC: row.temp_c, gravity: row.gravity, pressureBar: row.pressure_bar, ts: row.ts });
      }
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  }

  async function batchLog(call, callback) {
    let guard;
    try {
      guard = await TankGuard.open(call);
    } catch (e) {
      callback(e);
      return;
    }
    let written = 0;
    call.on('data', async (entry) => {
      if (!guard.canWriteBatch(entry.getBatchId())) {
        guard.end(grpc.status.PERMISSION_DENIED, `cannot log to ${entry.getBatchId()}`);
        return;
      }
      call.pause();
      await logStore.append({ batchId: entry.getBatchId(), author: guard.claims.sub, text: entry.getText(), ts: entry.getTs() }, { signal: guard.signal });
      written += 1;
      call.resume();
    });
    call.on('end', () => {
      guard.dispose();
      callback(null, { written });
    });
  }

  // Finite: pages through the recipe book until the limit.
  async function streamRecipes(call) {
    let guard;
    try {
      guard = await TankGuard.open(call);
    } catch (e) {
      call.destroy(e);
      return;
    }
    const limit = Math.min(call.request.getLimit() || 100, 500);
    let sent = 0;
    let pageToken = '';
    do {
      const page = await recipes.searchPage({ style: call.request.getStyle(), limit: 50, pageToken });
      for (const r of page.rows) {
        if (sent >= limit || guard.signal.aborted) break;
        call.write({ recipeId: r.id, name: r.name, style: r.style, hops: r.hops, og: r.og, fg: r.fg });
        sent += 1;
      }
      pageToken = page.nextPageToken;
    } while (pageToken && sent < limit && !guard.signal.aborted);
    guard.dispose();
    call.end();
  }

  return { watchTank, batchLog, streamRecipes };
}
