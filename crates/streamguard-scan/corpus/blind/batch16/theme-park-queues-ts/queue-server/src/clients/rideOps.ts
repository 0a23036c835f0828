import { config } from "../config";

export interface RideSnapshot { rideId: string; postedWaitMin: number; state: string; }

/** Current posted wait from the ride operations system (HTTP). */
export async function snapshot(rideId: string, signal: AbortSignal): Promise<RideSnapshot> {
  const res = await fetch(`${config.rideOpsUrl}/rides/${encodeURIComponent(rideId)}/queue`, { signal });
  if (!res.ok) throw new Error(`ride-ops ${res.status}`);
  const body = (await res.json()) as { wait: number; state: string };
  return { rideId, postedWaitMin: body.wait, state: body.state };
}
