import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import type {
  AdmitNextReply,
  AdmitNextRequest,
  Admission,
  CartAction,
  CartEvent,
  ExportAdmissionsRequest,
  JoinQueueRequest,
  PositionUpdate,
  QueueTicket,
  WaitingRoomServer,
  WatchPositionRequest,
} from '../../generated/waitroom';
import { QueueSession } from '../session';
import { allowCartAction, queueState, redis, ticketOwner } from '../limiter';
import { holdSeat, releaseSeat } from '../inventory';
import { admissionsPage } from '../analytics';

const POSITION_PUSH_MS = 2_000;
const EXPORT_PAGE_TIMEOUT_MS = 10_000;

export class WaitingRoomService implements WaitingRoomServer {
  [name: string]: grpc.UntypedHandleCall;

  joinQueue = async (call: grpc.ServerUnaryCall<JoinQueueRequest, QueueTicket>, cb: grpc.sendUnaryData<QueueTicket>) => {
    const [raw] = call.metadata.get('x-waitroom-verified-claims');
    const sub = JSON.parse(String(raw)).sub as string;
    const ticketId = randomUUID();
    const position = await redis.rpush(`waitroom:queue:${call.request.onsaleId}`, ticketId);
    await redis.hset(`waitroom:ticket:${ticketId}`, { sub, position, onsale: call.request.onsaleId });
    cb(null, { ticketId, position });
  };

  watchPosition = async (call: grpc.ServerWritableStream<WatchPositionRequest, PositionUpdate>) => {
    const session = QueueSession.open(call);
    const { ticketId } = call.request;
    if ((await ticketOwner(ticketId)) !== session.sub) {
      session.end(grpc.status.NOT_FOUND, `no ticket ${ticketId}`);
      return;
    }
    const push = async () => {
      const st = await queueState(ticketId);
      if (!st || session.signal.aborted) return;
      call.write({
        position: st.position,
        ahead: st.ahead,
        etaSeconds: Math.ceil(st.ahead / 40),
        admitted: st.admitted,
        checkoutToken: st.checkoutToken ?? '',
      });
      if (st.admitted) {
        session.dispose();
        call.end();
      }
    };
    const timer = setInterval(() => void push().catch(() => session.end(grpc.status.UNAVAILABLE, 'queue state unavailable')), POSITION_PUSH_MS);
    session.signal.addEventListener('abort', () => clearInterval(timer));
    await push();
  };

  holdCart = (call: grpc.ServerDuplexStream<CartAction, CartEvent>) => {
    const session = QueueSession.open(call);
    call.on('data', async (action: CartAction) => {
      const reply = (ev: Partial<CartEvent>) => call.write({ requestId: action.requestId, seatId: action.seatId, status: 'OK', holdExpiresMs: 0, error: '', ...ev });
      if (!(await allowCartAction(session.sub))) {
        reply({ status: 'RESOURCE_EXHAUSTED', error: 'rate_limit_exceeded' });
        return;
      }
      // Admission is per on-sale event: the checkout token scopes name it.
      if (!session.claims.scopes.has(`checkout:${action.eventId}`)) {
        reply({ status: 'PERMISSION_DENIED', error: 'not admitted to this event' });
        return;
      }
      try {
        if (action.action === 'add') {
          const held = await holdSeat(call as grpc.ServerDuplexStream<unknown, unknown>, action.eventId, action.seatId, session.sub);
          reply(held.ok ? { holdExpiresMs: held.expiresMs } : { status: 'FAILED_PRECONDITION', error: held.reason ?? 'seat taken' });
        } else if (action.action === 'release') {
          await releaseSeat(call as grpc.ServerDuplexStream<unknown, unknown>, action.eventId, action.seatId, session.sub);
          reply({});
        } else {
          reply({ status: 'INVALID_ARGUMENT', error: `unknown action ${action.action}` });
        }
      } catch (err) {
        reply({ status: 'UNAVAILABLE', error: (err as Error).message });
      }
    });
    call.on('end', () => {
      session.dispose();
      call.end();
    });
  };

  exportAdmissions = async (call: grpc.ServerWritableStream<ExportAdmissionsRequest, Admission>) => {
    const session = QueueSession.open(call);
    if (!session.claims.scopes.has('promoter:reports')) {
      session.end(grpc.status.PERMISSION_DENIED, 'promoter:reports scope required');
      return;
    }
    let cursor: string | null = null;
    try {
      do {
        const page = await admissionsPage(
          call.request.onsaleId,
          cursor,
          AbortSignal.any([session.signal, AbortSignal.timeout(EXPORT_PAGE_TIMEOUT_MS)]),
        );
        for (const r of page.rows) {
          call.write({ ticketId: r.ticket_id, fanSub: r.fan_sub, admittedMs: r.admitted_ms, purchased: r.purchased });
        }
        cursor = page.next;
      } while (cursor);
      session.dispose();
      call.end();
    } catch (err) {
      if (!session.signal.aborted) session.end(grpc.status.UNAVAILABLE, `analytics: ${(err as Error).message}`);
    }
  };

  admitNext = async (call: grpc.ServerUnaryCall<AdmitNextRequest, AdmitNextReply>, cb: grpc.sendUnaryData<AdmitNextReply>) => {
    const [raw] = call.metadata.get('x-waitroom-verified-claims');
    if (!JSON.parse(String(raw)).scopes.includes('queue:admin')) {
      cb({ code: grpc.status.PERMISSION_DENIED, details: 'queue:admin scope required' });
      return;
    }
    let admitted = 0;
    for (let i = 0; i < Math.min(call.request.count, 1000); i++) {
      const ticketId = await redis.lpop(`waitroom:queue:${call.request.onsaleId}`);
      if (!ticketId) break;
      await redis.hset(`waitroom:ticket:${ticketId}`, { admitted: '1', checkout_token: randomUUID() });
      admitted++;
    }
    cb(null, { admitted });
  };
}
