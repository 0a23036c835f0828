// ProtocolDeviation: clinical trial domain record. Keep field names in step with the proto message.

export interface ProtocolDeviation {
  id: string;
  owner: string;
  status: string;
  revision: number;
  createdAt: number;
}

export function validateProtocolDeviation(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  return errors;
}

export function normalizeProtocolDeviation(raw: Record<string, any>): ProtocolDeviation {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
  };
}

export function protocolDeviationKey(o: ProtocolDeviation): string {
  return `protocol_deviation:${o.id}`;
}

