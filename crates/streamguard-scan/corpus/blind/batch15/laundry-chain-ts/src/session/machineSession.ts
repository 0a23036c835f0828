import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import { claimsOf, StoreClaims } from '../auth/claims';
import { config } from '../config';

type AnyCall = grpc.ServerWritableStream<any, any> | grpc.ServerDuplexStream<any, any> | grpc.ServerReadableStream<any, any>;

const sub = new Redis(config.redisUrl);
const cmd = new Redis(config.redisUrl);
const live = new Map<string, Set<MachineSession>>();

// Revocations are pushed by the auth service: PUBLISH washco:revoked "jti:<id>" / "sub:<id>".
sub.subscribe('washco:revoked');
sub.on('message', (_channel, key: string) => {
  for (const s of live.get(key) ?? []) s.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
});

export class MachineSession {
  readonly claims: StoreClaims;
  private readonly ac = new AbortController();
  private readonly expTimer: NodeJS.Timeout;
  private done = false;

  private constructor(private readonly call: AnyCall) {
    this.claims = claimsOf(call);
    this.expTimer = setTimeout(
      () => this.end(grpc.status.UNAUTHENTICATED, 'token_expired'),
      Math.max(0, this.claims.exp * 1000 - Date.now()),
    );
    for (const k of this.keys()) {
      if (!live.has(k)) live.set(k, new Set());
      live.get(k)!.add(this);
    }
    call.on('cancelled', () => this.release());
    call.on('close', () => this.release());
  }

  static async open(call: AnyCall): Promise<MachineSession> {
    const s = new MachineSession(call);
    const revoked = await cmd.sismember('washco:revoked:set', `jti:${s.claims.jti}`);
    if (revoked) {
      s.end(grpc.status.PERMISSION_DENIED, 'token_revoked');
      throw new Error('token_revoked');
    }
    return s;
  }

  get signal(): AbortSignal {
    return this.ac.signal;
  }

  get ended(): boolean {
    return this.done;
  }

  remainingMs(fallback: number): number {
    const d = this.call.getDeadline();
    const at = d instanceof Date ? d.getTime() : Number(d);
    return Number.isFinite(at) ? Math.max(0, at - Date.now()) : fallback;
  }

  end(code: grpc.status, details: string): void {
    if (this.done) return;
    this.call.destroy({ code, details } as any);
    this.release();
  }

  private keys(): string[] {
    return [`jti:${this.claims.jti}`, `sub:${this.claims.sub}`];
  }

  private release(): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.expTimer);
    this.ac.abort();
    for (const k of this.keys()) live.get(k)?.delete(this);
  }
}
