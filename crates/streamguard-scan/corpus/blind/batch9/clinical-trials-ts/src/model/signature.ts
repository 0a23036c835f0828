// Signature: clinical trial domain record. Keep field names in step with the proto message.

export interface Signature {
  id: string;
  siteId: string;
  kind: string;
  updatedAt: number;
  revision: number;
  createdAt: number;
  note: string;
  owner: string;
  status: string;
  label: string;
}

export function validateSignature(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  return errors;
}

export function normalizeSignature(raw: Record<string, any>): Signature {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
  };
}

export function signatureKey(o: Signature): string {
  return `signature:${o.id}`;
}

