import * as grpc from "@grpc/grpc-js";

const BASE = process.env.BLOB_URL ?? "http://blobs.internal:9000";

function remainingSignal(deadline: grpc.Deadline, parent: AbortSignal): AbortSignal {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (!Number.isFinite(at)) return parent;
  return AbortSignal.any([parent, AbortSignal.timeout(Math.max(0, at - Date.now()))]);
}

export async function putObject(key: string, body: Buffer, deadline: grpc.Deadline, signal: AbortSignal): Promise<void> {
  const res = await fetch(`${BASE}/masters/${encodeURIComponent(key)}`, { method: "PUT", body, signal: remainingSignal(deadline, signal) });
  if (!res.ok) throw new Error(`blob store answered ${res.status} for ${key}`);
}
