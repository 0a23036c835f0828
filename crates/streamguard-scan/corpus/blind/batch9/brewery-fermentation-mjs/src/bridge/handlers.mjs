import * as grpc from '@grpc/grpc-js';
import { escalate } from './alarms.mjs';
import { applySetpoint, setpointChanges } from './setpoints.mjs';
import { pool } from '../shared/db.mjs';

const TEMP_ALARM_C = 24;
const ESCALATE_AFTER_MS = 10 * 60_000;

export const bridgeHandlers = {
  pushReadings(call) {
    const site = call.metadata.get('x-gateway-site')[0];
    let helloSeen = false;
    call.on('data', async (msg) => {
      switch (msg.getBodyCase()) {
        case 1: { // hello
          const hello = msg.getHello();
          if (hello.getSiteId() !== site) {
            call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'gateway key is for another site' });
            return;
          }
          helloSeen = true;
          break;
        }
        case 2: { // reading
          if (!helloSeen) return;
          const r = msg.getReading();
          call.pause();
          try {
            await pool.query('INSERT INTO readings (tank_id, temp_c, gravity, pressure_bar, ts) VALUES ($1,$2,$3,$4,to_timestamp($5))',
              [r.getTankId(), r.getTempC(), r.getGravity(), r.getPressureBar(), r.getTs()]);
          } catch {
            // a lost sample is tolerable; the next one arrives in 10 s
          } finally {
            call.resume();
          }
          if (r.getTempC() > TEMP_ALARM_C) {
            call.write({ tankId: r.getTankId(), action: 'glycol_open', value: 100 });
            // Page a human if it is still hot after ten minutes.
            setTimeout(() => {
              escalate(r.getTankId(), `temperature ${r.getTempC()} C`).catch(() => {});
            }, ESCALATE_AFTER_MS);
          }
          break;
        }
        case 3: { // setpoint from the floor panel
          if (!helloSeen) return;
          const s = msg.getSetpoint();
          call.pause();
          try {
            await applySetpoint(s.getTankId(), s.getTargetC());
            call.write({ tankId: s.getTankId(), action: 'setpoint_ack', value: s.getTargetC() });
          } catch {
            call.write({ tankId: s.getTankId(), action: 'setpoint_error', value: 0 });
          } finally {
            call.resume();
          }
          break;
        }
        default:
          break;
      }
    });
    call.on('end', () => call.end());
  },

  watchSetpoints(call) {
    const site = call.metadata.get('x-gateway-site')[0];
    if (call.request.getSiteId() !== site) {
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'gateway key is for another site' });
      return;
    }
    const onChange = (c) => {
      if (c.tankId.startsWith(`${site}-`)) call.write(c);
    };
    setpointChanges.on('change', onChange);
    call.on('cancelled', () => setpointChanges.off('change', onChange));
    call.on('close', () => setpointChanges.off('change', onChange));
  },
};
