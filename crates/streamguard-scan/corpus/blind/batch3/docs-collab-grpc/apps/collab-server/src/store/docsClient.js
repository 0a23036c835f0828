const BASE = process.env.DOCSTORE_URL ?? 'http://docstore.collab.svc:8080';

export async function fetchDocument(docId, { signal }) {
  const res = await fetch(`${BASE}/v1/docs/${encodeURIComponent(docId)}`, { signal });
  if (!res.ok) throw new Error(`docstore ${res.status}`);
  return res.json();
}

export async function saveSnapshot(docId, snapshot, { signal, timeoutMs }) {
  const res = await fetch(`${BASE}/v1/docs/${encodeURIComponent(docId)}/snapshots`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(snapshot),
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });
  if (!res.ok) throw new Error(`docstore ${res.status}`);
}

export async function* exportStream(docId, format, { signal }) {
  const res = await fetch(`${BASE}/v1/docs/${encodeURIComponent(docId)}/export?format=${format}`, { signal });
  if (!res.ok) throw new Error(`docstore ${res.status}`);
  for await (const chunk of res.body) {
    yield chunk;
  }
}
