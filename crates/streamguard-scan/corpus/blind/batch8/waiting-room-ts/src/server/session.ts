import * as grpc from '@grpc/grpc-js';
import { config } from './config';
import { revocations } from './revocations';
import { VERIFIED_CLAIMS_KEY } from './interceptor';
import type { FanClaims } from './tokens';

type AnyCall = grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

// QueueSession binds a stream to the fan's token: it ends the stream at the
// token's expiry, on a pushed revocation and after the maximum lifetime, and
// aborts the stream's downstream work through `signal` on any of those or on
// a client cancel.
export class QueueSession {
  readonly claims: FanClaims;
  private readonly abort = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly onRevoked: (ev: { jti?: string; sub?: string }) => void;

  private constructor(private readonly call: AnyCall, claims: FanClaims) {
    this.claims = claims;
    this.timers.push(
      setTimeout(() => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'), Math.max(0, claims.exp * 1000 - Date.now())),
      setTimeout(() => this.end(grpc.status.UNAVAILABLE, 'max_stream_lifetime'), config.maxStreamLifetimeMs),
    );
    this.onRevoked = (ev) => {
      if (ev.jti === claims.jti || ev.sub === claims.sub) this.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
    };
    revocations.on('revoked', this.onRevoked);
    call.on('cancelled', () => this.dispose());
    call.on('close', () => this.dispose());
  }

  static open(call: AnyCall): QueueSession {
    const [raw] = call.metadata.get(VERIFIED_CLAIMS_KEY);
    const parsed = JSON.parse(String(raw)) as Omit<FanClaims, 'scopes'> & { scopes: string[] };
    return new QueueSession(call, { ...parsed, scopes: new Set(parsed.scopes) });
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get sub(): string {
    return this.claims.sub;
  }

  end(code: grpc.status, details: string): void {
    this.dispose();
    this.call.destroy(Object.assign(new Error(details), { code, details }));
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.length = 0;
    revocations.off('revoked', this.onRevoked);
    if (!this.abort.signal.aborted) this.abort.abort();
  }
}
