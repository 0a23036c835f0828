import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { streamToCsv } from '../lib/export.mjs';

test('streamToCsv writes a header and one row per point', async () => {
  const chunks = [];
  const out = { write: (s) => chunks.push(s) };
  const src = Readable.from([
    { series: 'cpu', tsMs: 1, value: 0.5 },
    { series: 'cpu', tsMs: 2, value: 0.7 },
  ]);
  const rows = await streamToCsv(src, out);
  assert.equal(rows, 2);
  assert.equal(chunks[0], 'series,ts_ms,value\n');
});
