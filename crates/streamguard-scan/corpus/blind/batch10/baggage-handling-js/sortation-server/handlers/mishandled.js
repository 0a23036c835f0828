'use strict';

const grpc = require('@grpc/grpc-js');
const { authenticate, AuthError } = require('../auth');
const lostfound = require('../clients/lostfound');
const db = require('../db');

async function listMishandled(call) {
  try {
    authenticate(call, { scope: 'ops:read' });
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    throw err;
  }
  const { date, station } = call.request;
  const rows = await db.mishandledFor(date, station);
  const claims = await lostfound.openClaims(rows.map((r) => r.bag_tag), call);
  const byTag = new Map(claims.map((c) => [c.bagTag, c.claimRef]));
  for (const r of rows) {
    if (call.cancelled) break;
    call.write({ bagTag: r.bag_tag, flight: r.flight, status: byTag.has(r.bag_tag) ? 'CLAIMED' : r.status, lastSeen: r.last_seen });
  }
  call.end();
}

module.exports = { listMishandled };
