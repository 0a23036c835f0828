// DoseRecord: clinical trial domain record. Keep field names in step with the proto message.

export interface DoseRecord {
  id: string;
  kind: string;
  owner: string;
  createdAt: number;
  siteId: string;
  score: number;
  status: string;
}

export function validateDoseRecord(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  return errors;
}

export function normalizeDoseRecord(raw: Record<string, any>): DoseRecord {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
    status: String(raw.status ?? raw.status ?? ''),
  };
}

export function doseRecordKey(o: DoseRecord): string {
  return `dose_record:${o.id}`;
}

