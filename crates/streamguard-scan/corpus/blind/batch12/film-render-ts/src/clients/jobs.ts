import { config } from "../config";

export interface JobRow { jobId: string; project: string; done: number; total: number; state: string; }
export interface QueueRow { queued: number; running: number; nodesBusy: number; }

async function getJson<T>(path: string, signal: AbortSignal): Promise<T> {
  const res = await fetch(`${config.jobsApi}${path}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`jobs api ${res.status}`);
  return (await res.json()) as T;
}

export const jobs = {
  job: (id: string, signal: AbortSignal) => getJson<JobRow>(`/jobs/${encodeURIComponent(id)}`, signal),
  queue: (project: string, signal: AbortSignal) => getJson<QueueRow>(`/projects/${encodeURIComponent(project)}/queue`, signal),
  async create(project: string, frames: number[], signal: AbortSignal): Promise<string> {
    const res = await fetch(`${config.jobsApi}/jobs`, {
      method: "POST",
      signal,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ project, frames }),
    });
    if (!res.ok) throw new Error(`jobs api ${res.status}`);
    return ((await res.json()) as { jobId: string }).jobId;
  },
  async frameDone(jobId: string, frame: number, outputKey: string, signal: AbortSignal): Promise<void> {
    await fetch(`${config.jobsApi}/jobs/${jobId}/frames/${frame}`, {
      method: "PUT",
      signal,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ outputKey }),
    });
  },
  async nodeStats(nodeId: string, gpuUtil: number, freeVramMb: number): Promise<void> {
    await fetch(`${config.jobsApi}/nodes/${nodeId}/stats`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ gpuUtil, freeVramMb, at: Date.now() }),
    });
  },
  async nextTask(nodeId: string, freeVramMb: number, signal: AbortSignal): Promise<{ jobId: string; frame: number; sceneKey: string } | null> {
    const res = await fetch(`${config.jobsApi}/nodes/${nodeId}/next?vram=${freeVramMb}`, { method: "POST", signal });
    return res.status === 204 ? null : ((await res.json()) as { jobId: string; frame: number; sceneKey: string });
  },
};
