import { EventEmitter } from 'node:events';

export interface QueuedJob {
  id: string;
  repo: string;
  ref: string;
  steps: string[];
  pool: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  runner?: string;
}

class JobQueue extends EventEmitter {
  private jobs = new Map<string, QueuedJob>();

  get(id: string): QueuedJob | undefined {
    return this.jobs.get(id);
  }

  enqueue(job: QueuedJob): void {
    this.jobs.set(job.id, job);
    this.emit(`queued:${job.pool}`, job);
  }

  claim(id: string, runner: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'queued') return false;
    job.state = 'running';
    job.runner = runner;
    return true;
  }

  release(runner: string): void {
    for (const job of this.jobs.values()) {
      if (job.runner === runner && job.state === 'running') {
        job.state = 'queued';
        job.runner = undefined;
        this.emit(`queued:${job.pool}`, job);
      }
    }
  }

  finish(id: string, state: QueuedJob['state']): void {
    const job = this.jobs.get(id);
    if (job) job.state = state;
  }
}

export const jobQueue = new JobQueue();
jobQueue.setMaxListeners(0);
