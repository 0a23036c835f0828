// ConcomitantMed: clinical trial domain record. Keep field names in step with the proto message.

export interface ConcomitantMed {
  id: string;
  createdAt: number;
  tags: string[];
  updatedAt: number;
  revision: number;
  score: number;
}

export function validateConcomitantMed(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

export function normalizeConcomitantMed(raw: Record<string, any>): ConcomitantMed {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

export function concomitantMedKey(o: ConcomitantMed): string {
  return `concomitant_med:${o.id}`;
}

