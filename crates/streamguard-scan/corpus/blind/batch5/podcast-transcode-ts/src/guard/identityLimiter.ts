// Jobs per identity per hour; one transcoder process serves a region, so a process-wide
// map keyed by subject covers every stream of that identity.
const WINDOW_MS = 3_600_000;
const LIMIT = Number(process.env.POD_JOBS_PER_HOUR ?? 30);
const windows = new Map<string, { start: number; count: number }>();

export function allowJob(subject: string, now = Date.now()): boolean {
  const w = windows.get(subject);
  if (!w || now - w.start >= WINDOW_MS) {
    windows.set(subject, { start: now, count: 1 });
    return true;
  }
  if (w.count >= LIMIT) return false;
  w.count++;
  return true;
}
