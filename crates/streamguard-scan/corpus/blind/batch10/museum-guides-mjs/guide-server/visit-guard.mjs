import grpc from '@grpc/grpc-js';
import { verifyTicket, TicketError } from './tickets.mjs';
import { revocations, isRevoked } from './revocations.mjs';
import { acquireStream, releaseStream } from './limiter.mjs';

const MAX_LIFETIME_MS = 45 * 60 * 1000;
const IDLE_MS = 5 * 60 * 1000;

// One VisitGuard per streaming call: ends the call at the ticket's exp, on a pushed revocation,
// after the maximum lifetime and after an idle period. Its `signal` aborts on any of those, on
// client cancel, and when the caller's deadline passes.
export class VisitGuard {
  static async open(call) {
    let ticket;
    try {
      ticket = await verifyTicket(call.metadata);
    } catch (err) {
      if (err instanceof TicketError) call.destroy({ code: err.code, details: err.details });
      else call.destroy({ code: grpc.status.INTERNAL, details: 'auth failure' });
      return null;
    }
    if (isRevoked(ticket)) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
      return null;
    }
    if (!(await acquireStream(ticket.sub))) {
      call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'too many streams' });
      return null;
    }
    return new VisitGuard(call, ticket);
  }

  constructor(call, ticket) {
    this.call = call;
    this.ticket = ticket;
    this.controller = new AbortController();
    this.timers = [];
    this.closed = false;

    this.timers.push(setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), ticket.exp * 1000 - Date.now()));
    this.timers.push(setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), MAX_LIFETIME_MS));
    this.idle = setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'idle_timeout'), IDLE_MS);

    this.onRevoked = ({ jti, sub }) => {
      if (jti === ticket.jti || sub === ticket.sub) this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    };
    revocations.on('revoked', this.onRevoked);

    call.on('cancelled', () => this.release());
    call.on('close', () => this.release());
  }

  get signal() {
    const deadline = this.call.getDeadline();
    const ms = deadline instanceof Date ? deadline.getTime() - Date.now() : Number(deadline) - Date.now();
    if (!Number.isFinite(ms)) return this.controller.signal;
    return AbortSignal.any([this.controller.signal, AbortSignal.timeout(Math.max(0, ms))]);
  }

  touch() {
    this.idle.refresh();
  }

  mayVisit(exhibit) {
    return this.ticket.galleries.has(exhibit.galleryId) || (exhibit.tier === 'general');
  }

  end(code, details) {
    if (this.closed) return;
    this.call.destroy({ code, details });
    this.release();
  }

  release() {
    if (this.closed) return;
    this.closed = true;
    this.timers.forEach(clearTimeout);
    clearTimeout(this.idle);
    revocations.off('revoked', this.onRevoked);
    this.controller.abort();
    releaseStream(this.ticket.sub).catch(() => {});
  }
}
