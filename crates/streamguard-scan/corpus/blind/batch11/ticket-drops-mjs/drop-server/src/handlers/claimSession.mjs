import * as grpc from '@grpc/grpc-js';
import pb from '../gen/drops_pb.js';
import { config } from '../config.mjs';
import { DropGuard } from '../guard/dropGuard.mjs';
import { allowAction, acquireStream } from '../guard/limiter.mjs';
import * as inventory from '../inventory.mjs';
import { entitled, holdOwner } from '../orders.mjs';

const { ActionCase } = pb.ClaimRequest;

function event(requestId, fields) {
  const ev = new pb.ClaimEvent();
  ev.setRequestId(requestId);
  if (fields.holdId) ev.setHoldId(fields.holdId);
  ev.setStatus(fields.status);
  if (fields.error) ev.setError(fields.error);
  if (fields.expiresIn) ev.setExpiresInS(fields.expiresIn);
  return ev;
}

export function makeClaimSession({ db }) {
  return async function claimSession(call) {
    let guard;
    try {
      guard = await DropGuard.open(call);
    } catch (err) {
      return call.destroy(err);
    }
    const fan = guard.claims.sub;
    const releaseSlot = await acquireStream(fan);
    if (!releaseSlot) return guard.end(grpc.status.RESOURCE_EXHAUSTED, 'too_many_streams');
    guard.signal.addEventListener('abort', releaseSlot, { once: true });

    call.on('data', async (req) => {
      guard.touch();
      const rid = req.getRequestId();
      call.pause();
      try {
        if (!(await allowAction(fan))) {
          return guard.end(grpc.status.RESOURCE_EXHAUSTED, 'rate_limit_exceeded');
        }
        switch (req.getActionCase()) {
          case ActionCase.HOLD: {
            const h = req.getHold();
            // presale drops need the fan's entitlement for that drop (checked for every hold)
            if (!guard.can('drops:buy') || !(await entitled(db, fan, h.getDropId()))) {
              call.write(event(rid, { status: 'denied', error: 'PERMISSION_DENIED' }));
              return;
            }
            const res = await inventory.hold({ drop_id: h.getDropId(), section: h.getSection(), count: h.getCount(), fan_id: fan }, call);
            call.write(event(rid, { holdId: res.hold_id, status: 'held', expiresIn: res.ttl_s }));
            return;
          }
          case ActionCase.RELEASE:
          case ActionCase.CHECKOUT: {
            const holdId = req.getRelease()?.getHoldId() ?? req.getCheckout().getHoldId();
            if ((await holdOwner(db, holdId)) !== fan) {
              call.write(event(rid, { status: 'denied', error: 'PERMISSION_DENIED' }));
              return;
            }
            if (req.getActionCase() === ActionCase.RELEASE) {
              await inventory.release({ hold_id: holdId, fan_id: fan }, call);
              call.write(event(rid, { holdId, status: 'released' }));
            } else {
              const res = await fetch(config.paymentsUrl, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'idempotency-key': rid },
                body: JSON.stringify({ hold_id: holdId, token: req.getCheckout().getPaymentToken(), fan }),
                signal: guard.signal,
              });
              call.write(event(rid, { holdId, status: res.ok ? 'paid' : 'payment_failed' }));
            }
            return;
          }
          default:
            call.write(event(rid, { status: 'denied', error: 'unknown_action' }));
        }
      } catch (err) {
        if (!guard.signal.aborted) call.write(event(rid, { status: 'error', error: err.message }));
      } finally {
        call.resume();
      }
    });
    call.on('end', () => {
      guard.release();
      call.end();
    });
  };
}
