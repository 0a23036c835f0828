// VisitSchedule: clinical trial domain record. Keep field names in step with the proto message.

export interface VisitSchedule {
  id: string;
  createdAt: number;
  score: number;
  label: string;
  kind: string;
}

export function validateVisitSchedule(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  return errors;
}

export function normalizeVisitSchedule(raw: Record<string, any>): VisitSchedule {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    score: Number(raw.score ?? raw.score ?? 0),
    label: String(raw.label ?? raw.label ?? ''),
    kind: String(raw.kind ?? raw.kind ?? ''),
  };
}

export function visitScheduleKey(o: VisitSchedule): string {
  return `visit_schedule:${o.id}`;
}

