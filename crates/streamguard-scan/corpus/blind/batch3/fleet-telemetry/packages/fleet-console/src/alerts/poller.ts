import { EventEmitter } from 'node:events';
import { Pool } from 'pg';

export interface AlertRow {
  id: string;
  device_id: string;
  site: string;
  severity: string;
  message: string;
  raised_at: Date;
}

const SEVERITY_ORDER = ['info', 'warning', 'major', 'critical'];

export function severityRank(s: string): number {
  const i = SEVERITY_ORDER.indexOf(s);
  return i < 0 ? 0 : i;
}

export class AlertPoller extends EventEmitter {
  private cursor = new Date(Date.now() - 60_000);
  private timer?: NodeJS.Timeout;

  constructor(private readonly pool: Pool, private readonly intervalMs = 3000) {
    super();
    this.setMaxListeners(0);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.poll().catch((err) => this.emit('poll-error', err));
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    const { rows } = await this.pool.query<AlertRow>(
      'SELECT id, device_id, site, severity, message, raised_at FROM alerts WHERE raised_at > $1 ORDER BY raised_at LIMIT 500',
      [this.cursor],
    );
    for (const row of rows) {
      this.cursor = row.raised_at;
      this.emit('alert', row);
    }
  }
}
