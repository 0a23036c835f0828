import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

export interface RenditionSpec {
  name: string;
  height: number;
  bitrateKbps: number;
  codec: string;
}

export class FfmpegRun extends EventEmitter {
  readonly logPath: string;
  private child?: ChildProcess;
  percent = 0;
  done = false;
  error = '';

  constructor(readonly jobId: string, readonly workDir: string) {
    super();
    this.logPath = path.join(workDir, `${jobId}.log`);
  }

  start(source: string, renditions: RenditionSpec[], durationSec: number): void {
    const args = ['-hide_banner', '-y', '-i', source, '-progress', 'pipe:1'];
    for (const r of renditions) {
      args.push('-map', '0:v', '-map', '0:a?', '-c:v', r.codec || 'libx264', '-b:v', `${r.bitrateKbps}k`,
        '-vf', `scale=-2:${r.height}`, path.join(this.workDir, `${this.jobId}_${r.name}.mp4`));
    }
    const log = fs.createWriteStream(this.logPath, { flags: 'a' });
    this.child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stderr!.pipe(log);
    this.child.stdout!.on('data', (buf: Buffer) => {
      const m = /out_time_ms=(\d+)/.exec(buf.toString());
      if (m && durationSec > 0) {
        this.percent = Math.min(100, Number(m[1]) / 1e6 / durationSec * 100);
        this.emit('progress', this.percent);
      }
    });
    this.child.on('exit', (code) => {
      this.done = true;
      if (code !== 0) this.error = `ffmpeg exited with ${code}`;
      this.emit('done', this.error);
    });
  }

  kill(): void {
    this.child?.kill('SIGTERM');
  }
}
