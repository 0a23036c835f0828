// CodingTerm: clinical trial domain record. Keep field names in step with the proto message.

export interface CodingTerm {
  id: string;
  note: string;
  updatedAt: number;
  siteId: string;
  tags: string[];
  owner: string;
}

export function validateCodingTerm(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

export function normalizeCodingTerm(raw: Record<string, any>): CodingTerm {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

export function codingTermKey(o: CodingTerm): string {
  return `coding_term:${o.id}`;
}

