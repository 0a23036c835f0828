// LabPanel: clinical trial domain record. Keep field names in step with the proto message.

export interface LabPanel {
  id: string;
  tags: string[];
  label: string;
  owner: string;
  createdAt: number;
  updatedAt: number;
  note: string;
  siteId: string;
  revision: number;
  kind: string;
}

export function validateLabPanel(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Array.isArray(o.tags)) errors.push('tags must be an array');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (!Number.isFinite(o.updatedAt)) errors.push('updatedAt must be a number');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.revision)) errors.push('revision must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  return errors;
}

export function normalizeLabPanel(raw: Record<string, any>): LabPanel {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
    label: String(raw.label ?? raw.label ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    updatedAt: Number(raw.updatedAt ?? raw.updated_at ?? 0) | 0,
    note: String(raw.note ?? raw.note ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    revision: Number(raw.revision ?? raw.revision ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
  };
}

export function labPanelKey(o: LabPanel): string {
  return `lab_panel:${o.id}`;
}

