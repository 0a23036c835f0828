import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { JsonRpcExchange } from '../src/rpc/exchange';
import { IdentityLimiter } from '../src/limits';

vi.mock('../src/auth/jwt', () => ({
  AuthError: class extends Error {},
  authenticate: () => ({ sub: 'agent-1', jti: 'j1', exp: Math.floor(Date.now() / 1000) + 60, scope: ['docs:read'] }),
}));

function duplex() {
  const call: any = new EventEmitter();
  call.metadata = { get: () => ['Bearer x'] };
  call.sent = [] as any[];
  call.write = (f: any) => call.sent.push(JSON.parse(Buffer.from(f.json).toString()));
  call.end = vi.fn();
  call.destroy = vi.fn();
  call.getDeadline = () => Infinity;
  return call;
}

describe('JsonRpcExchange', () => {
  it('denies a tool outside the token scopes', async () => {
    const feed: any = { watch: () => () => {} };
    const tools: any = { names: () => ['search_docs', 'create_ticket'], run: vi.fn() };
    const rpc = new JsonRpcExchange({ config: { leewayMs: 0 } as any, feed, limiter: new IdentityLimiter(10), tools });
    const call = duplex();
    rpc.exchange(call);
    call.emit('data', { json: Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'create_ticket' } })) });
    await new Promise((r) => setImmediate(r));
    expect(call.sent[0].error.message).toBe('insufficient_scope');
    expect(tools.run).not.toHaveBeenCalled();
  });
});
