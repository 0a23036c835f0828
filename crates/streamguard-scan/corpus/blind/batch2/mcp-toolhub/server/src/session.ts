import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';

export interface Claims {
  sub: string;
  jti: string;
  exp: number;
  scope?: string;
  scp?: string[];
}

const claimsByMetadata = new WeakMap<grpc.Metadata, Claims>();
export const revocationFeed = new EventEmitter();
revocationFeed.setMaxListeners(0);

export function bindClaims(md: grpc.Metadata, claims: Claims): void {
  claimsByMetadata.set(md, claims);
}

export function claimsOf(call: { metadata: grpc.Metadata }): Claims {
  const c = claimsByMetadata.get(call.metadata);
  if (!c) throw new Error('no claims bound to call');
  return c;
}

export function scopesOf(c: Claims): Set<string> {
  if (Array.isArray(c.scp)) return new Set(c.scp);
  return new Set((c.scope ?? '').split(' ').filter(Boolean));
}

type Destroyable = { destroy(e?: Partial<grpc.StatusObject>): void; on(ev: string, fn: () => void): unknown };

/** Ties a live call to its credential: ends it at exp and on revocation of jti or sub. */
export function openSession(call: Destroyable, claims: Claims) {
  const abort = new AbortController();
  const expTimer = setTimeout(() => {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'token_expired' });
  }, Math.max(0, claims.exp * 1000 + 1000 - Date.now()));

  const onRevoke = (r: { jti?: string; sub?: string }) => {
    if (r.jti === claims.jti || r.sub === claims.sub) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
    }
  };
  revocationFeed.on('revoked', onRevoke);

  const close = () => {
    clearTimeout(expTimer);
    revocationFeed.off('revoked', onRevoke);
    abort.abort();
  };
  call.on('cancelled', close);
  call.on('close', close);
  call.on('finish', close);

  return { signal: abort.signal, close, scopes: scopesOf(claims), claims };
}

export function remainingMs(call: { getDeadline(): grpc.Deadline }): number | undefined {
  const d = call.getDeadline();
  if (d === Infinity) return undefined;
  const ms = (d instanceof Date ? d.getTime() : Number(d)) - Date.now();
  return ms;
}
