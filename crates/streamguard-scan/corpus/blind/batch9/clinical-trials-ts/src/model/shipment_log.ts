// ShipmentLog: clinical trial domain record. Keep field names in step with the proto message.

export interface ShipmentLog {
  id: string;
  createdAt: number;
  kind: string;
  note: string;
  owner: string;
  label: string;
  siteId: string;
  score: number;
}

export function validateShipmentLog(o: Record<string, any>): string[] {
  const errors: string[] = [];
  if (typeof o.id !== 'string') errors.push('id must be a string');
  if (!Number.isFinite(o.createdAt)) errors.push('createdAt must be a number');
  if (typeof o.kind !== 'string') errors.push('kind must be a string');
  if (typeof o.note !== 'string') errors.push('note must be a string');
  if (typeof o.owner !== 'string') errors.push('owner must be a string');
  if (typeof o.label !== 'string') errors.push('label must be a string');
  if (typeof o.siteId !== 'string') errors.push('siteId must be a string');
  if (!Number.isFinite(o.score)) errors.push('score must be a number');
  return errors;
}

export function normalizeShipmentLog(raw: Record<string, any>): ShipmentLog {
  return {
    id: String(raw.id ?? raw.id ?? ''),
    createdAt: Number(raw.createdAt ?? raw.created_at ?? 0) | 0,
    kind: String(raw.kind ?? raw.kind ?? ''),
    note: String(raw.note ?? raw.note ?? ''),
    owner: String(raw.owner ?? raw.owner ?? ''),
    label: String(raw.label ?? raw.label ?? ''),
    siteId: String(raw.siteId ?? raw.site_id ?? ''),
    score: Number(raw.score ?? raw.score ?? 0),
  };
}

export function shipmentLogKey(o: ShipmentLog): string {
  return `shipment_log:${o.id}`;
}

