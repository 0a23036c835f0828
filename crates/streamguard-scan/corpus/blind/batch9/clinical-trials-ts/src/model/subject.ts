// Subject: clinical trial domain record. Keep field names in step with the proto message.

export interface Subject {
  id: string;
  score: number;
  label: string;
  owner: string;
  updatedAt: number;
  tags: string[];
  revision: number;
  kind: string;
  createdAt: number;
  status: string;
}

export function validateSubject(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

export function normalizeSubject(raw: Record<string, any>): Subject {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    status: String(raw.status ?? raw.status ?? ''),
  };
}

export function subjectKey(o: Subject): string {
  return `subject:${o.id}`;
}

