import * as grpc from '@grpc/grpc-js';
import type { Claims } from './auth.js';
import type { RevocationBus } from './revocations.js';

type AnyCall = grpc.ServerWritableStream<any, any> | grpc.ServerDuplexStream<any, any> | grpc.ServerReadableStream<any, any>;

/**
 * Binds a call to its token: ends it at exp and on revocation. Every streaming handler
 * opens one of these before doing any work.
 */
export class StreamSession {
  private expiryTimer?: NodeJS.Timeout;
  private readonly onRevoked = (ev: { jti?: string; sub?: string }) => {
    if ((ev.jti && ev.jti === this.claims.jti) || (ev.sub && ev.sub === this.claims.sub)) {
      this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    }
  };
  readonly abort = new AbortController();

  constructor(private readonly call: AnyCall, readonly claims: Claims, private readonly bus: RevocationBus) {}

  start(): boolean {
    if (this.bus.isRevoked(this.claims.jti, this.claims.sub)) {
      this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
      return false;
    }
    const ms = this.claims.exp * 1000 - Date.now();
    this.expiryTimer = setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(ms, 0));
    this.bus.on('revoked', this.onRevoked);
    this.call.on('cancelled', () => this.dispose());
    this.call.on('close', () => this.dispose());
    return true;
  }

  end(code: grpc.status, details: string): void {
    this.dispose();
    this.call.destroy(Object.assign(new Error(details), { code, details }));
  }

  dispose(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.bus.off('revoked', this.onRevoked);
    this.abort.abort();
  }
}

export function remainingMs(call: { getDeadline(): grpc.Deadline }): number {
  const d = call.getDeadline();
  if (d === Infinity) return 60_000;
  const at = d instanceof Date ? d.getTime() : Number(d);
  return Math.max(at - Date.now(), 0);
}
