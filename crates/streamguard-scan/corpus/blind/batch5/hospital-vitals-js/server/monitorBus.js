'use strict';
// Latest sample per bed, filled by StreamBedside. In-process only.
const latestByBed = new Map();

function record(bedId, kind, value, ts) {
  const cur = latestByBed.get(bedId) || { ts: 0, hr: 0, spo2: 0, rr: 0, rhythm: 'unknown' };
  if (kind === 'hr') cur.hr = value;
  else if (kind === 'spo2') cur.spo2 = value;
  else if (kind === 'rr') cur.rr = value;
  cur.ts = ts;
  latestByBed.set(bedId, cur);
}

function latest(bedId) {
  return latestByBed.get(bedId);
}

module.exports = { record, latest };
