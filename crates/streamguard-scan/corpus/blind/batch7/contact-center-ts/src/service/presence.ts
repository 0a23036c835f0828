import type Redis from "ioredis";

/**
 * Agent presence, kept in memory and written to Redis in one pipeline every second by a single
 * process-wide flusher (the wallboards read it from there). Handlers never wait on Redis for it.
 */
class PresenceBoard {
  private pending = new Map<string, Map<string, string>>();
  private timer?: NodeJS.Timeout;

  set(tenant: string, agent: string, status: string): void {
    let m = this.pending.get(tenant);
    if (!m) this.pending.set(tenant, (m = new Map()));
    m.set(agent, status);
  }

  startFlushing(redis: Redis, everyMs = 1_000): void {
    this.timer = setInterval(() => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      const pipe = redis.pipeline();
      for (const [tenant, agents] of batch) pipe.hset(`presence:${tenant}`, Object.fromEntries(agents));
      pipe.exec().catch((err) => console.warn("presence flush failed", err));
    }, everyMs);
    this.timer.unref();
  }
}

export const presence = new PresenceBoard();
