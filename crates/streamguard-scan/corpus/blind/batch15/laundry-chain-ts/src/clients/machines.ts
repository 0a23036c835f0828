import * as grpc from '@grpc/grpc-js';
import { MachineControllerClient } from '../generated/laundry';
import { config } from '../config';

export const controller = new MachineControllerClient(config.controllerAddr, grpc.credentials.createInsecure());

export interface MachineSnapshot {
  machineId: string;
  kind: string;
  state: string;
  minutesLeft: number;
}

// Telemetry service: one JSON document per store.
export async function storeSnapshot(storeId: string, signal: AbortSignal): Promise<MachineSnapshot[]> {
  const res = await fetch(`${config.telemetryUrl}/stores/${encodeURIComponent(storeId)}/machines`, { signal });
  if (!res.ok) throw new Error(`telemetry ${res.status}`);
  return (await res.json()) as MachineSnapshot[];
}
