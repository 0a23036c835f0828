import * as grpc from '@grpc/grpc-js';
import { Telemetry, UplinkSummary } from '../../gen/rental/telematics/v1/telematics';
import { principalOf } from '../interceptors/auth';
import { batcher } from '../clients/batcher';
import { incidents, unary } from '../clients/fleet';
import { config } from '../config';

export class UplinkHandlers {
  VehicleUplink = (call: grpc.ServerReadableStream<Telemetry, UplinkSummary>, callback: grpc.sendUnaryData<UplinkSummary>) => {
    const device = principalOf(call);
    if (device.kind !== 'device') {
      callback({ code: grpc.status.PERMISSION_DENIED, details: 'uplink is for vehicles only' });
      return;
    }
    let first = true;
    let accepted = 0;
    let minute = Math.floor(Date.now() / 60000);
    let inMinute = 0;

    call.on('data', (t: Telemetry) => {
      if (first) {
        if (t.vin !== device.vin) {
          call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'vin does not match token' } as any);
          return;
        }
        first = false;
      }
      const m = Math.floor(Date.now() / 60000);
      if (m !== minute) {
        minute = m;
        inMinute = 0;
      }
      if (++inMinute > config.uplinkMaxPerMinute) return; // drop silently, the TCU backs off on its own

      batcher.push(t);
      accepted++;

      if (t.decelG >= config.harshBrakeG) {
        // Give the driver 30 s to cancel from the dashboard before opening a crash incident.
        setTimeout(() => {
          unary(incidents, 'openIncident', { vin: t.vin, decelG: t.decelG, lat: t.lat, lon: t.lon }, { deadline: call.getDeadline() })
            .catch(() => undefined);
        }, 30_000);
      }
    });
    call.on('end', () => callback(null, { accepted }));
    call.on('error', () => undefined);
  };
}
