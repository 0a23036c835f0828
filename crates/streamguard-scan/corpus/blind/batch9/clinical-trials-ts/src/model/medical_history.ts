// MedicalHistory: clinical trial domain record. Keep field names in step with the proto message.

export interface MedicalHistory {
  id: string;
  status: string;
  note: string;
  siteId: string;
  revision: number;
  owner: string;
}

export function validateMedicalHistory(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.status !== 'string') errors.push('status must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  return errors;
}

export function normalizeMedicalHistory(raw: Record<string, any>): MedicalHistory {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    status: String(raw.status ?? raw.status ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    owner: String(raw.owner ?? raw.owner ?? ''),
  };
}

export function medicalHistoryKey(o: MedicalHistory): string {
  return `medical_history:${o.id}`;
}

