import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";

export interface Job { id: string; showId: string; episodeId: string; percent: number; stage: string; done: boolean; error?: string }

export class JobBoard extends EventEmitter {
  private readonly jobs = new Map<string, Job>();

  create(showId: string, episodeId: string): Job {
    const job: Job = { id: randomUUID(), showId, episodeId, percent: 0, stage: "queued", done: false };
    this.jobs.set(job.id, job);
    this.emit("change", job);
    return job;
  }

  get(id: string): Job | undefined { return this.jobs.get(id); }

  forShow(showId: string): Job[] { return [...this.jobs.values()].filter((j) => j.showId === showId && !j.done); }

  update(id: string, patch: Partial<Job>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    Object.assign(job, patch);
    this.emit("change", job);
  }
}
