// Simple sliding counters for console commands. Keyed by the caller's address so a
// misbehaving tablet in one store cannot starve the others.
const windows = new Map<string, { start: number; n: number }>();

export function allowCommand(peer: string, perMinute: number): boolean {
  const now = Date.now();
  const w = windows.get(peer);
  if (!w || now - w.start > 60_000) {
    windows.set(peer, { start: now, n: 1 });
    return true;
  }
  w.n += 1;
  return w.n <= perMinute;
}
