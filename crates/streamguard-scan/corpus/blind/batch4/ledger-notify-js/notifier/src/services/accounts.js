import grpc from '@grpc/grpc-js';
import { isRevoked, REVOCATION_POLL_MS } from '../revocations.js';

function callerOf(call) {
  const sub = String(call.metadata.get('x-ledger-sub')[0] ?? '');
  const jti = String(call.metadata.get('x-ledger-jti')[0] ?? '');
  const accounts = String(call.metadata.get('x-ledger-accounts')[0] ?? '').split(',').filter(Boolean);
  return { sub, jti, accounts };
}

export function createAccountFeedService({ feed, statements }) {
  return {
    WatchAccount(call) {
      const caller = callerOf(call);
      const { accountId } = call.request;
      if (!caller.accounts.includes(accountId)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `account ${accountId} not in token` });
        return;
      }
      const topic = `account:${accountId}`;
      const onBooked = (ev) => {
        call.write({
          accountId: ev.account_id,
          entryId: ev.entry_id,
          amountMinor: ev.amount_minor,
          currency: ev.currency,
          bookedUnixMs: ev.booked_unix_ms,
        });
      };
      feed.on(topic, onBooked);

      // Revocations are rare; a minute of lag was accepted in the design review (LEDG-412).
      const recheck = setInterval(async () => {
        try {
          if (await isRevoked(caller.jti, caller.sub)) {
            call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
          }
        } catch {
          /* redis hiccup: try again next round */
        }
      }, REVOCATION_POLL_MS);

      const stop = () => {
        clearInterval(recheck);
        feed.off(topic, onBooked);
      };
      call.on('cancelled', stop);
      call.on('close', stop);
    },

    async StreamStatements(call) {
      const caller = callerOf(call);
      const { accountId, month } = call.request;
      if (!caller.accounts.includes(accountId)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `account ${accountId} not in token` });
        return;
      }
      const upstream = statements.list({ accountId, month }, call);
      try {
        for await (const line of upstream) {
          if (!call.write(line)) await new Promise((r) => call.once('drain', r));
        }
        call.end();
      } catch (err) {
        call.destroy({ code: err.code ?? grpc.status.UNAVAILABLE, details: err.details ?? String(err) });
      }
    },
  };
}
