import * as grpc from '@grpc/grpc-js';
import { claimsFor } from './authInterceptor.js';
import { guard, quotesPerIdentity } from '../domain/guards.js';
import type { PricingClient } from '../domain/pricing.js';

interface Limits {
  maxStreamMs: number;
  idleMs: number;
}

export class RateStreamHandlers {
  constructor(private readonly pricing: PricingClient, private readonly limits: Limits) {}

  subscribe = (call: grpc.ServerWritableStream<{ pairs: string[] }, any>): void => {
    const claims = claimsFor(call.metadata);
    const pairs = call.request.pairs;
    const denied = pairs.filter((p) => !claims.pairs.includes(p));
    if (denied.length > 0) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not entitled: ${denied.join(',')}` });
      return;
    }

    const session = guard(call, claims, { maxMs: this.limits.maxStreamMs });
    const upstream = this.pricing.ticks(call, pairs);
    upstream.on('data', (rate) => call.write(rate));
    upstream.on('error', (err: grpc.ServiceError) => {
      if (err.code !== grpc.status.CANCELLED) call.destroy({ code: grpc.status.UNAVAILABLE, details: 'pricing feed lost' });
    });
    upstream.on('end', () => {
      session.release();
      call.end();
    });
  };

  quote = (call: grpc.ServerDuplexStream<any, any>): void => {
    const claims = claimsFor(call.metadata);
    const session = guard(call, claims, { maxMs: this.limits.maxStreamMs, idleMs: this.limits.idleMs });
    let open = 0;
    let ending = false;

    call.on('data', async (req: { id: string; pair: string; notional: number; side: string }) => {
      session.touch();
      if (!claims.pairs.includes(req.pair)) {
        call.write({ id: req.id, error: 'PERMISSION_DENIED: pair not entitled' });
        return;
      }
      try {
        await quotesPerIdentity.consume(claims.sub);
      } catch {
        call.destroy({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'rate_limit_exceeded' });
        return;
      }
      open++;
      try {
        const p = await this.pricing.price(call, { pair: req.pair, notional: req.notional, side: req.side, client: claims.sub });
        call.write({ id: req.id, price: p.price, validUntilMs: p.validUntilMs });
      } catch (err: any) {
        if (err.code !== grpc.status.CANCELLED) call.write({ id: req.id, error: err.details ?? 'pricing error' });
      } finally {
        open--;
        if (ending && open === 0) call.end();
      }
    });

    call.on('end', () => {
      ending = true;
      session.release();
      if (open === 0) call.end();
    });
  };
}
