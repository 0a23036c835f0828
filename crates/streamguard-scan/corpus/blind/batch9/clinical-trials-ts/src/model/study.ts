// Study: clinical trial domain record. Keep field names in step with the proto message.

export interface Study {
  id: string;
  tags: string[];
  kind: string;
  owner: string;
  revision: number;
}

export function validateStudy(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

export function normalizeStudy(raw: Record<string, any>): Study {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    kind: String(raw.kind ?? raw.kind ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

export function studyKey(o: Study): string {
  return `study:${o.id}`;
}

