import { config } from '../config';

export interface VendorSample {
  acW: number;
  dcV: number[];
  tempC: number;
  ts: number;
}

// The inverter vendor's cloud API: latest sample of one device.
export async function latestSample(serial: string, signal: AbortSignal): Promise<VendorSample> {
  const res = await fetch(`${config.vendorCloud}/v3/devices/${encodeURIComponent(serial)}/latest`, {
    headers: { 'x-api-key': config.vendorKey },
    signal,
  });
  if (!res.ok) throw new Error(`vendor cloud ${res.status}`);
  return (await res.json()) as VendorSample;
}
