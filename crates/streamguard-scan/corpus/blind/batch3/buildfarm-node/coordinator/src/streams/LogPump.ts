import * as grpc from '@grpc/grpc-js';
import { LogStoreClient, ReadLogResponse } from '../clients/casClient';
import { config } from '../config';

const CHUNK = 64 * 1024;

export interface LogChunk {
  buildId: string;
  offset: number;
  data: Buffer;
}

export interface LogSink {
  write(chunk: LogChunk): boolean;
  end(): void;
}

export class LogPump {
  private stopped = false;
  private inflight?: grpc.ClientUnaryCall;
  private offset: number;

  constructor(
    private readonly store: LogStoreClient,
    private readonly sink: LogSink,
    private readonly buildId: string,
    fromOffset: number,
    private readonly isFinished: () => Promise<boolean>,
  ) {
    this.offset = fromOffset;
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      const res = await this.read();
      if (this.stopped) return;
      if (res.data.length > 0) {
        this.sink.write({ buildId: this.buildId, offset: this.offset, data: res.data });
        this.offset += res.data.length;
        continue;
      }
      if (res.eof && (await this.isFinished())) {
        this.sink.end();
        return;
      }
      await new Promise((r) => setTimeout(r, 750));
    }
  }

  stop(): void {
    this.stopped = true;
    this.inflight?.cancel();
  }

  private read(): Promise<ReadLogResponse> {
    return new Promise((resolve, reject) => {
      this.inflight = this.store.readLog(
        { buildId: this.buildId, offset: this.offset, limit: CHUNK },
        { deadline: Date.now() + config.casReadTimeoutMs },
        (err, res) => {
          this.inflight = undefined;
          if (err) reject(err);
          else resolve(res);
        },
      );
    });
  }
}
