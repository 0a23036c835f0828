'use strict';
const grpc = require('@grpc/grpc-js');
const { authenticate, requireWard, AuthError } = require('../lib/auth');
const ehr = require('../lib/ehr');

async function listVisits(call) {
  const deadline = call.getDeadline();
  const remaining = deadline instanceof Date ? deadline.getTime() - Date.now()
    : Number.isFinite(deadline) ? deadline - Date.now() : 10000;
  const controller = new AbortController();
  call.on('cancelled', () => controller.abort());
  try {
    const claims = authenticate(call);
    const opts = { timeout: Math.max(1, remaining), signal: controller.signal };
    const p = await ehr.patient(call.request.patientId, opts);
    requireWard(claims, p.ward);
    const items = await ehr.visits(p.patient_id, opts);
    for (const v of items) {
      call.write({ visitId: v.id, vet: v.vet, reason: v.reason, unixMs: v.at });
    }
    call.end();
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    call.destroy({ code: grpc.status.UNAVAILABLE, details: 'ehr unavailable' });
  }
}

async function getPatient(call, callback) {
  try {
    const claims = authenticate(call);
    const p = await ehr.patient(call.request.patientId);
    requireWard(claims, p.ward);
    callback(null, { patientId: p.patient_id, name: p.name, species: p.species, ward: p.ward, ownerId: p.owner_id });
  } catch (err) {
    callback({ code: err.code || grpc.status.UNAVAILABLE, details: err.details || 'ehr unavailable' });
  }
}

module.exports = { listVisits, getPatient };
