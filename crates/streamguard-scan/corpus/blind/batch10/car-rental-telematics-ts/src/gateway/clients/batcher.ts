import { Telemetry } from '../../gen/rental/telematics/v1/telematics';

// Process-wide buffer; a single background flusher ships it to the time-series store.
class TelemetryBatcher {
  private buf: Telemetry[] = [];
  push(t: Telemetry) {
    this.buf.push(t);
    if (this.buf.length > 50_000) this.buf.splice(0, this.buf.length - 50_000);
  }
  drain(): Telemetry[] {
    return this.buf.splice(0);
  }
}

export const batcher = new TelemetryBatcher();
