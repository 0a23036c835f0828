import { config } from "../config";

export interface Reading {
  beanTempC: number;
  envTempC: number;
  ror: number;
}

// The PLC gateway fronts the roasters' Siemens PLCs over HTTP.
export async function readRoaster(id: string, signal: AbortSignal, timeoutMs: number): Promise<Reading> {
  const res = await fetch(`${config.plcGateway}/roasters/${id}/probe`, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });
  if (!res.ok) throw new Error(`plc gateway ${res.status}`);
  return (await res.json()) as Reading;
}

export async function sendControl(id: string, body: object, signal: AbortSignal, timeoutMs: number): Promise<void> {
  const res = await fetch(`${config.plcGateway}/roasters/${id}/control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });
  if (!res.ok) throw new Error(`plc gateway ${res.status}`);
}
