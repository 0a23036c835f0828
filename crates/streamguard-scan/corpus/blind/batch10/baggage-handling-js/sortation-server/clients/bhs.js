'use strict';

const config = require('../config');

// Thin HTTP client for the BHS SCADA REST facade.
async function carouselBags(carouselId, sinceSeq, { signal } = {}) {
  const url = `${config.bhsBaseUrl}/api/carousels/${encodeURIComponent(carouselId)}/bags?since=${sinceSeq}`;
  const timeout = AbortSignal.timeout(5000);
  const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  if (!res.ok) throw new Error(`bhs ${res.status}`);
  return res.json();
}

async function bagHistory(tag, { signal } = {}) {
  const res = await fetch(`${config.bhsBaseUrl}/api/bags/${encodeURIComponent(tag)}`, { signal });
  if (!res.ok) throw new Error(`bhs ${res.status}`);
  return res.json();
}

module.exports = { carouselBags, bagHistory };
