// In-process leaderboard fan-out fed by the scoring pipeline.
export class Leaderboard {
  constructor() {
    this.tables = new Map();
    this.subs = new Map();
  }

  key(t, d) {
    return `${t}/${d}`;
  }

  current(t, d) {
    return this.tables.get(this.key(t, d)) ?? [];
  }

  publish(t, d, table) {
    this.tables.set(this.key(t, d), table);
    for (const fn of this.subs.get(this.key(t, d)) ?? []) fn(table);
  }

  subscribe(t, d, fn) {
    const k = this.key(t, d);
    if (!this.subs.has(k)) this.subs.set(k, new Set());
    this.subs.get(k).add(fn);
    return () => this.subs.get(k)?.delete(fn);
  }
}
