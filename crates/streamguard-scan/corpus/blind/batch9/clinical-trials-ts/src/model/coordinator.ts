// Coordinator: clinical trial domain record. Keep field names in step with the proto message.

export interface Coordinator {
  id: string;
  updatedAt: number;
  kind: string;
  score: number;
  owner: string;
  tags: string[];
  label: string;
  note: string;
}

export function validateCoordinator(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  return errors;
}

export function normalizeCoordinator(raw: Record<string, any>): Coordinator {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    owner: String(raw.owner ?? raw.owner ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    label: String(raw.label ?? raw.label ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
  };
}

export function coordinatorKey(o: Coordinator): string {
  return `coordinator:${o.id}`;
}

