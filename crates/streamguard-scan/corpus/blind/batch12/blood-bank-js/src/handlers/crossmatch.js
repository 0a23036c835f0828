'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate, requireRole, fail } = require('../auth');
const { lab } = require('../clients/lab');
const config = require('../config');

const LAB_TIMEOUT_MS = 5000;

// Bidi stream held open by a crossmatch bench workstation for the whole shift.
function crossmatchSession(call) {
  let staff;
  try {
    staff = authenticate(call);
    requireRole(staff, 'crossmatch');
  } catch (err) {
    return fail(call, err);
  }

  let hospitalChecked = false;
  let windowStart = Date.now();
  let inWindow = 0;
  const inflight = new Set();

  call.on('data', (req) => {
    if (!hospitalChecked) {
      if (!staff.hospitals.includes(req.hospitalId)) {
        return fail(call, { code: grpc.status.PERMISSION_DENIED, details: 'hospital not permitted' });
      }
      hospitalChecked = true;
    }

    const now = Date.now();
    if (now - windowStart > 60_000) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > config.crossmatchPerMinute) {
      return fail(call, { code: grpc.status.RESOURCE_EXHAUSTED, details: 'slow down' });
    }

    const opts = { deadline: Date.now() + LAB_TIMEOUT_MS };
    const reply = (err, res, extra = {}) => {
      if (err) {
        call.write({ requestId: req.requestId, compatible: false, status: 'ERROR', detail: err.details || err.message });
      } else {
        call.write({ requestId: req.requestId, ...res, ...extra });
      }
    };

    let pending;
    switch (req.action) {
      case 'match':
        pending = lab.crossmatch({ patientMrn: req.patientMrn, unitId: req.unitId }, opts, (err, res) => {
          inflight.delete(pending);
          reply(err, res && { compatible: res.compatible, detail: res.detail }, { status: 'OK' });
        });
        break;
      case 'reserve':
        pending = lab.reserve({ hospitalId: req.hospitalId, patientMrn: req.patientMrn, unitId: req.unitId }, opts, (err, res) => {
          inflight.delete(pending);
          reply(err, res && { compatible: res.ok, detail: res.detail }, { status: res && res.ok ? 'RESERVED' : 'REFUSED' });
        });
        break;
      case 'release':
        pending = lab.release({ hospitalId: req.hospitalId, patientMrn: req.patientMrn, unitId: req.unitId }, opts, (err, res) => {
          inflight.delete(pending);
          reply(err, res && { compatible: false, detail: res.detail }, { status: 'RELEASED' });
        });
        break;
      default:
        call.write({ requestId: req.requestId, status: 'INVALID_ARGUMENT', detail: `unknown action ${req.action}` });
        return;
    }
    inflight.add(pending);
  });

  call.on('cancelled', () => {
    for (const c of inflight) c.cancel();
    inflight.clear();
  });
  call.on('end', () => call.end());
}

module.exports = { crossmatchSession };
