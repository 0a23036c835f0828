import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ToolRunner } from '../downstream/toolRunner.js';

describe('ToolRunner', () => {
  it('returns the runner body as text', async () => {
    const srv = createServer((_req, res) => res.end('ok')).listen(0);
    const port = (srv.address() as { port: number }).port;
    const runner = new ToolRunner(`http://127.0.0.1:${port}`);
    const r = await runner.run('search_docs', {}, AbortSignal.timeout(2000));
    expect(r).toEqual({ text: 'ok', isError: false });
    srv.close();
  });
});
