import * as grpc from '@grpc/grpc-js';
import { AlertPoller, AlertRow, severityRank } from './alerts/poller';
import { DeviceDirectory, DeviceRow } from './directory';

const pb = require('./gen/console_pb.js');

export function toSummaries(rows: DeviceRow[]): any[] {
  const out: any[] = [];
  for (const row of rows) {
    const s = new pb.DeviceSummary();
    s.setDeviceId(row.device_id);
    s.setSite(row.site);
    s.setStatus(row.status);
    s.setLastSeenMs(row.last_seen.getTime());
    out.push(s);
  }
  return out;
}

export class FleetQueryImpl {
  constructor(private readonly directory: DeviceDirectory, private readonly poller: AlertPoller) {}

  handlers(): grpc.UntypedServiceImplementation {
    return {
      listDevices: this.listDevices.bind(this),
      tailAlerts: this.tailAlerts.bind(this),
    };
  }

  listDevices(call: grpc.ServerWritableStream<any, any>): void {
    const site: string = call.request.getSite();
    const limit = Math.min(call.request.getLimit() || 100, 1000);
    const rows = this.directory.bySite(site).slice(0, limit);
    for (const summary of toSummaries(rows)) {
      if (call.cancelled) return;
      call.write(summary);
    }
    call.end();
  }

  tailAlerts(call: grpc.ServerWritableStream<any, any>): void {
    const site: string = call.request.getSite();
    const floor = severityRank(call.request.getMinSeverity() || 'info');

    const onAlert = (row: AlertRow) => {
      if (row.site !== site || severityRank(row.severity) < floor) return;
      const a = new pb.Alert();
      a.setId(row.id);
      a.setDeviceId(row.device_id);
      a.setSeverity(row.severity);
      a.setMessage(row.message);
      a.setRaisedMs(row.raised_at.getTime());
      call.write(a);
    };

    this.poller.on('alert', onAlert);
    const stop = () => this.poller.off('alert', onAlert);
    call.on('cancelled', stop);
    call.on('error', stop);
  }
}
