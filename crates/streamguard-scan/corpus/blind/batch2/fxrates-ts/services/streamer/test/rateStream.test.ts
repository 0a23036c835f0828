import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';

vi.mock('../src/domain/guards.js', () => ({
  guard: () => ({ touch: () => undefined, release: () => undefined }),
  quotesPerIdentity: { consume: vi.fn(async () => undefined) },
}));
vi.mock('../src/grpc/authInterceptor.js', () => ({
  claimsFor: () => ({ sub: 'desk-7', jti: 'j', exp: Date.now() / 1000 + 300, pairs: ['EURUSD'] }),
}));

import { RateStreamHandlers } from '../src/grpc/rateStream.js';

class Duplex extends EventEmitter {
  metadata = {};
  out: any[] = [];
  write(m: any) {
    this.out.push(m);
    return true;
  }
  end = vi.fn();
  destroy = vi.fn();
}

describe('quote', () => {
  it('refuses pairs outside the token', async () => {
    const pricing = { price: vi.fn(async () => ({ price: 1.08, validUntilMs: 0 })), ticks: vi.fn() };
    const h = new RateStreamHandlers(pricing as any, { maxStreamMs: 1000, idleMs: 1000 });
    const call = new Duplex();
    h.quote(call as any);
    call.emit('data', { id: '1', pair: 'USDJPY', notional: 1e6, side: 'buy' });
    await new Promise((r) => setImmediate(r));
    expect(call.out[0].error).toMatch(/PERMISSION_DENIED/);
    expect(pricing.price).not.toHaveBeenCalled();
  });
});
