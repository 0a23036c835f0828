import { config } from './config.js';

export async function uploadArtifact(jobId: string, name: string, data: Uint8Array, contentType: string): Promise<string> {
  const url = `${config.artifactBaseUrl}/v1/jobs/${encodeURIComponent(jobId)}/artifacts/${encodeURIComponent(name)}`;
  const res = await fetch(url, {
    method: 'PUT',
    body: data,
    headers: { 'content-type': contentType || 'application/octet-stream' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) {
    throw new Error(`artifact upload failed: ${res.status}`);
  }
  const body = (await res.json()) as { location: string };
  return body.location;
}
