import { EventEmitter } from 'node:events';

// In-memory leaderboard per live class. Output (kJ) integrates power over
// the samples a rider sends.
class Leaderboards extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this.classes = new Map();
  }

  board(classId) {
    let b = this.classes.get(classId);
    if (!b) {
      b = new Map();
      this.classes.set(classId, b);
    }
    return b;
  }

  record(classId, rider, metrics) {
    const b = this.board(classId);
    const prev = b.get(rider.id) ?? { riderId: rider.id, displayName: rider.name, joules: 0, lastMs: metrics.unixMs };
    const dt = Math.max(0, Math.min(5000, metrics.unixMs - prev.lastMs)) / 1000;
    prev.joules += metrics.powerW * dt;
    prev.lastMs = metrics.unixMs;
    b.set(rider.id, prev);
  }

  leave(classId, riderId) {
    this.classes.get(classId)?.delete(riderId);
  }

  frame(classId) {
    const entries = [...this.board(classId).values()]
      .sort((a, b) => b.joules - a.joules)
      .slice(0, 50)
      .map((e, i) => ({ riderId: e.riderId, displayName: e.displayName, outputKj: Math.round(e.joules / 1000), rank: i + 1 }));
    return { classId, entries, unixMs: Date.now() };
  }

  liveClassesOf(studioId) {
    return [...this.classes.keys()].filter((id) => id.startsWith(`${studioId}:`));
  }

  highFive(classId, fromRiderId, targetRiderId) {
    this.emit(`high-five:${classId}:${targetRiderId}`, { fromRiderId });
  }
}

export const leaderboards = new Leaderboards();
