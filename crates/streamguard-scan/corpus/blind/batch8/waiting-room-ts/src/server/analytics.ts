import { request } from 'undici';
import { config } from './config';

export interface AdmissionRow {
  ticket_id: string;
  fan_sub: string;
  admitted_ms: number;
  purchased: boolean;
}

// The analytics warehouse pages admissions 5,000 at a time.
export async function admissionsPage(onsaleId: string, cursor: string | null, signal: AbortSignal): Promise<{ rows: AdmissionRow[]; next: string | null }> {
  const url = new URL(`/v1/onsales/${encodeURIComponent(onsaleId)}/admissions`, config.analyticsUrl);
  if (cursor) url.searchParams.set('cursor', cursor);
  const res = await request(url, { method: 'GET', signal });
  if (res.statusCode !== 200) throw new Error(`analytics answered ${res.statusCode}`);
  return (await res.body.json()) as { rows: AdmissionRow[]; next: string | null };
}
