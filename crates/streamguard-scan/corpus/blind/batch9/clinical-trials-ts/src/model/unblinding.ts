// Unblinding: clinical trial domain record. Keep field names in step with the proto message.

export interface Unblinding {
  id: string;
  label: string;
  status: string;
  createdAt: number;
  revision: number;
}

export function validateUnblinding(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

export function normalizeUnblinding(raw: Record<string, any>): Unblinding {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

export function unblindingKey(o: Unblinding): string {
  return `unblinding:${o.id}`;
}

