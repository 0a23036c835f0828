import type Redis from "ioredis";
import type { DataQuery } from "../generated/edc/v1/edc";

// Data-management queries fan out over Redis pub/sub, one channel per site.
export class QueryBus {
  private readonly listeners = new Map<string, Set<(q: DataQuery) => void>>();

  constructor(private readonly sub: Redis) {
    sub.on("message", (channel, raw) => {
      const site = channel.slice("edc:queries:".length);
      for (const fn of this.listeners.get(site) ?? []) fn(JSON.parse(raw) as DataQuery);
    });
  }

  subscribe(sites: string[], fn: (q: DataQuery) => void): () => void {
    for (const s of sites) {
      if (!this.listeners.has(s)) {
        this.listeners.set(s, new Set());
        void this.sub.subscribe(`edc:queries:${s}`);
      }
      this.listeners.get(s)!.add(fn);
    }
    return () => sites.forEach((s) => this.listeners.get(s)?.delete(fn));
  }
}
