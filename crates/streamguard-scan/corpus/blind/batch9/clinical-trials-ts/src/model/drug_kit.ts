// DrugKit: clinical trial domain record. Keep field names in step with the proto message.

export interface DrugKit {
  id: string;
  owner: string;
  note: string;
  updatedAt: number;
  siteId: string;
  revision: number;
}

export function validateDrugKit(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  return errors;
}

export function normalizeDrugKit(raw: Record<string, any>): DrugKit {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
  };
}

export function drugKitKey(o: DrugKit): string {
  return `drug_kit:${o.id}`;
}

