'use strict';
const grpc = require('@grpc/grpc-js');
const { authenticate, requireWard, AuthError } = require('../lib/auth');
const ehr = require('../lib/ehr');
const log = require('pino')({ name: 'watch' });

function thresholds(v) {
  if (v.temp_c > 39.5) return 'fever';
  if (v.heart_rate > 180) return 'tachycardia';
  if (v.resp_rate < 8) return 'bradypnea';
  return '';
}

async function watchPatient(call) {
  let claims;
  let p;
  try {
    claims = authenticate(call);
    p = await ehr.patient(call.request.patientId);
    requireWard(claims, p.ward);
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    return call.destroy({ code: grpc.status.UNAVAILABLE, details: 'ehr unavailable' });
  }
  if (call.cancelled) return; // the client left while we were looking the patient up
  const every = Math.max(1000, call.request.intervalMs || 5000);
  log.info({ sub: claims.sub, patient: p.patient_id }, 'watch opened');

  const timer = setInterval(async () => {
    try {
      const v = await ehr.latestVitals(p.patient_id);
      call.write({
        patientId: p.patient_id,
        tempC: v.temp_c,
        heartRate: v.heart_rate,
        respRate: v.resp_rate,
        unixMs: Date.now(),
        alert: thresholds(v),
      });
    } catch (err) {
      log.warn({ err: err.message }, 'vitals poll failed');
    }
  }, every);

  const stop = () => clearInterval(timer);
  call.on('cancelled', stop);
  call.on('close', stop);
}

module.exports = { watchPatient };
