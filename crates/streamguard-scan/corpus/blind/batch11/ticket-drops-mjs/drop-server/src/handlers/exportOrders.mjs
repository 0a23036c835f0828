import * as grpc from '@grpc/grpc-js';
import pb from '../gen/drops_pb.js';
import { DropGuard } from '../guard/dropGuard.mjs';
import { ordersPage } from '../orders.mjs';

export function makeExportOrders({ db }) {
  return async function exportOrders(call) {
    let guard;
    try {
      guard = await DropGuard.open(call);
    } catch (err) {
      return call.destroy(err);
    }
    if (!guard.can('drops:export')) return guard.end(grpc.status.PERMISSION_DENIED, 'insufficient_scope');
    const dropId = call.request.getDropId();
    const client = await db.connect();
    try {
      // statement timeout follows what remains of the caller's deadline
      const d = guard.deadline;
      const remaining = d instanceof Date ? d.getTime() - Date.now() : Number(d) - Date.now();
      const ms = Number.isFinite(remaining) ? Math.max(1, Math.floor(remaining)) : 60000;
      await client.query(`set statement_timeout = ${ms}`);
      let after = '';
      for (;;) {
        if (guard.signal.aborted) return;
        const rows = await ordersPage(client, dropId, after, 500);
        if (rows.length === 0) break;
        for (const r of rows) {
          const o = new pb.Order();
          o.setOrderId(r.id);
          o.setDropId(r.drop_id);
          o.setFanId(r.fan_id);
          o.setSeats(r.seats);
          o.setAmountCents(r.amount_cents);
          call.write(o);
        }
        after = rows[rows.length - 1].id;
      }
      call.end();
    } finally {
      client.release();
      guard.release();
    }
  };
}
