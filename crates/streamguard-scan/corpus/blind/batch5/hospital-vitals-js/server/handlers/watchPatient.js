'use strict';
const grpc = require('@grpc/grpc-js');
const { authenticate, canSeePatient } = require('../auth');
const { lookupPatient } = require('../ehrClient');
const monitorBus = require('../monitorBus');
const config = require('../config');

function watchPatient(call) {
  const claims = authenticate(call);
  if (!claims) return;
  const { patientId } = call.request;
  if (!canSeePatient(claims, patientId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `no access to ${patientId}` });
    return;
  }

  // Resolve the bed first; the EHR is slow on night shift so give it ten seconds.
  lookupPatient(patientId, { deadline: Date.now() + 10000 })
    .then((patient) => {
      const interval = Math.max(250, call.request.intervalMs || config.defaultIntervalMs);
      const timer = setInterval(() => {
        const s = monitorBus.latest(patient.bedId);
        if (!s) return;
        call.write({ patientId, tsMs: s.ts, heartRate: s.hr, spo2: s.spo2, respRate: s.rr, rhythm: s.rhythm });
      }, interval);
      call.on('cancelled', () => clearInterval(timer));
      call.on('error', () => clearInterval(timer));
    })
    .catch((err) => call.destroy({ code: grpc.status.UNAVAILABLE, details: `ehr: ${err.message}` }));
}

module.exports = watchPatient;
