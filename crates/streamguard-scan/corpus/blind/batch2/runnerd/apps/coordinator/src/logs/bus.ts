import { EventEmitter } from 'node:events';

export interface PoolLogLine {
  jobId: string;
  seq: number;
  text: string;
}

class LogBus extends EventEmitter {
  publish(pool: string, line: PoolLogLine): void {
    this.emit(`pool:${pool}`, line);
  }
}

export const logBus = new LogBus();
logBus.setMaxListeners(0);
