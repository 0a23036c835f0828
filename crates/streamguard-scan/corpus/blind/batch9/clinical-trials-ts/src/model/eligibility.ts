// Eligibility: clinical trial domain record. Keep field names in step with the proto message.

export interface Eligibility {
  id: string;
  status: string;
  tags: string[];
  score: number;
  createdAt: number;
}

export function validateEligibility(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

export function normalizeEligibility(raw: Record<string, any>): Eligibility {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    score: Number(raw.score ?? raw.score ?? 0),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

export function eligibilityKey(o: Eligibility): string {
  return `eligibility:${o.id}`;
}

