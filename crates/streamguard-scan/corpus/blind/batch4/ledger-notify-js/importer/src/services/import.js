import grpc from '@grpc/grpc-js';
import { resolveApiKey } from '../apiKeys.js';
import { canUseAccount } from '../acl.js';

const MAX_ENTRIES_PER_IMPORT = 10_000;
const MAX_ENTRIES_PER_SECOND = 200;

export function createImporterService({ store }) {
  async function importEntries(call, callback) {
    const key = await resolveApiKey(call.metadata);
    if (!key) {
      callback({ code: grpc.status.UNAUTHENTICATED, details: 'unknown or disabled x-api-key' });
      return;
    }
    const summary = { accepted: 0, rejected: 0, errors: [] };
    let second = Math.floor(Date.now() / 1000);
    let inSecond = 0;
    let seen = 0;
    try {
      for await (const entry of call) {
        seen += 1;
        if (seen > MAX_ENTRIES_PER_IMPORT) {
          callback({ code: grpc.status.INVALID_ARGUMENT, details: `at most ${MAX_ENTRIES_PER_IMPORT} entries per import` });
          return;
        }
        const now = Math.floor(Date.now() / 1000);
        if (now !== second) {
          second = now;
          inSecond = 0;
        }
        if (++inSecond > MAX_ENTRIES_PER_SECOND) {
          callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'import rate exceeded, retry later' });
          return;
        }
        if (!canUseAccount(key, entry.accountId)) {
          summary.rejected += 1;
          summary.errors.push(`${entry.externalId}: account not allowed`);
          continue;
        }
        try {
          await store.postEntry(entry);
          summary.accepted += 1;
        } catch (err) {
          summary.rejected += 1;
          summary.errors.push(`${entry.externalId}: ${err.details ?? err.message}`);
        }
      }
      callback(null, summary);
    } catch (err) {
      callback({ code: grpc.status.CANCELLED, details: String(err) });
    }
  }

  async function reconcile(call) {
    const key = await resolveApiKey(call.metadata);
    if (!key) {
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'unknown or disabled x-api-key' });
      return;
    }
    for await (const req of call) {
      // Keys can be disabled while a reconciliation session is open: look the key up again.
      const current = await resolveApiKey(call.metadata);
      if (!current) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'api key disabled' });
        return;
      }
      if (!canUseAccount(current, req.accountId)) {
        call.write({ accountId: req.accountId, ok: false, driftMinor: '0' });
        continue;
      }
      const res = await store.balance(req, call);
      call.write(res);
    }
    call.end();
  }

  return { ImportEntries: importEntries, Reconcile: reconcile };
}
