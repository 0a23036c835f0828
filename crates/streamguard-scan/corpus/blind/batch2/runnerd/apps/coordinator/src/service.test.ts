import { describe, it, expect, vi } from 'vitest';
import { EventEmitter } from 'node:events';

vi.mock('./auth/session.js', () => ({
  verifyRunner: vi.fn(async () => ({ sub: 'runner-1', pool: 'linux-x64', exp: Date.now() / 1000 + 60, jti: 'j1' })),
  verifyUser: vi.fn(async () => ({ sub: 'alice', pools: ['linux-x64'] })),
  guardRunnerSession: vi.fn(() => () => undefined),
}));

import { coordinator } from './service.js';
import { logBus } from './logs/bus.js';

class FakeWritable extends EventEmitter {
  written: unknown[] = [];
  metadata = { get: () => ['Bearer test'] };
  request = { getPool: () => 'linux-x64' };
  write(m: unknown) {
    this.written.push(m);
    return true;
  }
  destroy = vi.fn();
  end = vi.fn();
}

describe('streamPoolLogs', () => {
  it('forwards lines for the requested pool', async () => {
    const call = new FakeWritable();
    await coordinator.streamPoolLogs(call as any);
    logBus.publish('linux-x64', { jobId: 'j-9', seq: 1, text: 'hello' });
    logBus.publish('mac-arm64', { jobId: 'j-10', seq: 1, text: 'nope' });
    expect(call.written).toHaveLength(1);
    call.emit('cancelled');
    logBus.publish('linux-x64', { jobId: 'j-9', seq: 2, text: 'after' });
    expect(call.written).toHaveLength(1);
  });
});
