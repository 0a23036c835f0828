import { execFile } from 'node:child_process';

export function probeDuration(source: string): Promise<number> {
  return new Promise((resolve) => {
    execFile('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', source], { timeout: 20_000 }, (err, out) => {
      resolve(err ? 0 : Number.parseFloat(out.trim()) || 0);
    });
  });
}
