import { Pool } from 'pg';

export interface DeviceRow {
  device_id: string;
  site: string;
  status: string;
  last_seen: Date;
}

export class DeviceDirectory {
  private bySiteIndex = new Map<string, DeviceRow[]>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly pool: Pool, private readonly refreshMs = 15_000) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((err) => console.error('directory refresh failed', err));
    }, this.refreshMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  bySite(site: string): DeviceRow[] {
    return this.bySiteIndex.get(site) ?? [];
  }

  private async refresh(): Promise<void> {
    const { rows } = await this.pool.query<DeviceRow>(
      'SELECT device_id, site, status, last_seen FROM devices ORDER BY site, device_id',
    );
    const next = new Map<string, DeviceRow[]>();
    for (const row of rows) {
      const list = next.get(row.site) ?? [];
      list.push(row);
      next.set(row.site, list);
    }
    this.bySiteIndex = next;
  }
}
