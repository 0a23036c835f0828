import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';

vi.mock('../src/server/revocations', () => {
  const r = new EventEmitter();
  return { revocations: Object.assign(r, { isRevoked: () => false }) };
});

import { QueueSession } from '../src/server/session';
import { revocations } from '../src/server/revocations';

function fakeCall(claims: object) {
  const call = new EventEmitter() as any;
  call.metadata = new grpc.Metadata();
  call.metadata.set('x-waitroom-verified-claims', JSON.stringify(claims));
  call.destroy = vi.fn();
  return call;
}

describe('QueueSession', () => {
  it('ends the stream with PERMISSION_DENIED when the jti is revoked', () => {
    const call = fakeCall({ sub: 'fan-1', jti: 'j-1', exp: Math.floor(Date.now() / 1000) + 600, scopes: [] });
    const s = QueueSession.open(call);
    revocations.emit('revoked', { jti: 'j-1' });
    expect(call.destroy).toHaveBeenCalledOnce();
    expect(call.destroy.mock.calls[0][0].code).toBe(grpc.status.PERMISSION_DENIED);
    expect(s.signal.aborted).toBe(true);
  });

  it('aborts downstream work when the client cancels', () => {
    const call = fakeCall({ sub: 'fan-2', jti: 'j-2', exp: Math.floor(Date.now() / 1000) + 600, scopes: [] });
    const s = QueueSession.open(call);
    call.emit('cancelled');
    expect(s.signal.aborted).toBe(true);
  });
});
