const TSDB_URL = process.env.TSDB_WRITE_URL ?? 'http://tsdb:8428/api/v1/import/prometheus';
const WRITE_TIMEOUT_MS = 10_000;

function toExposition(m) {
  const labels = Object.entries(m.labels ?? {})
    .map(([k, v]) => `${k}="${String(v).replace(/"/g, '\\"')}"`)
    .join(',');
  return `${m.name}{${labels}} ${m.value} ${m.tsMs}`;
}

export async function writeBatch(batch, signal) {
  const res = await fetch(TSDB_URL, {
    method: 'POST',
    body: batch.map(toExposition).join('\n'),
    signal: AbortSignal.any([signal, AbortSignal.timeout(WRITE_TIMEOUT_MS)]),
  });
  if (!res.ok) throw new Error(`tsdb write failed: ${res.status}`);
}
