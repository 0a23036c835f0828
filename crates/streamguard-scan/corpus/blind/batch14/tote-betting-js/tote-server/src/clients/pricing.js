'use strict';

const config = require('../config');

// Pool totals and approximate dividends from the pricing engine (HTTP/JSON).
async function fetchPools(meetingId, raceNo, poolTypes, { signal } = {}) {
  const url = new URL(`/v1/meetings/${encodeURIComponent(meetingId)}/races/${raceNo}/pools`, config.pricingUrl);
  if (poolTypes.length) url.searchParams.set('types', poolTypes.join(','));
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`pricing ${res.status}`);
  return res.json();
}

module.exports = { fetchPools };
