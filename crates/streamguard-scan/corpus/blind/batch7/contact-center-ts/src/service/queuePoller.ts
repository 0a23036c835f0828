import { queueStats } from "../clients/acd";
import type { QueueStats } from "../generated/agentdesk";

export interface Poller {
  stop(): void;
}

/** Polls the ACD for one queue and hands every sample to `onSample`. */
export function startPoller(queueId: string, intervalMs: number, onSample: (s: QueueStats) => void, onError: (e: Error) => void): Poller {
  let stopped = false;
  const tick = async () => {
    try {
      const r = await queueStats(queueId);
      if (!stopped) onSample({ queueId, ...r });
    } catch (err) {
      onError(err as Error);
    }
  };
  void tick();
  const timer = setInterval(tick, Math.max(intervalMs, 1_000));
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
