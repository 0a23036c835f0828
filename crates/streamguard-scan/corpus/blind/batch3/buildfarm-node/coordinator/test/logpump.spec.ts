import { LogPump } from '../src/streams/LogPump';

function fakeStore(chunks: Buffer[]) {
  let i = 0;
  return {
    readLog: jest.fn((_req, _opts, cb) => {
      const data = chunks[i++] ?? Buffer.alloc(0);
      setImmediate(() => cb(null, { data, eof: i > chunks.length }));
      return { cancel: jest.fn() };
    }),
  } as any;
}

describe('LogPump', () => {
  it('writes every chunk then ends when the build is finished', async () => {
    const sink = { write: jest.fn(), end: jest.fn() };
    const pump = new LogPump(fakeStore([Buffer.from('a'), Buffer.from('bc')]), sink, 'b-1', 0, async () => true);
    await pump.run();
    expect(sink.write).toHaveBeenCalledTimes(2);
    expect(sink.end).toHaveBeenCalled();
  });

  it('stops reading after stop()', async () => {
    const sink = { write: jest.fn(), end: jest.fn() };
    const pump = new LogPump(fakeStore([]), sink, 'b-2', 0, async () => false);
    const running = pump.run();
    pump.stop();
    await running;
    expect(sink.end).not.toHaveBeenCalled();
  });
});
