'use strict';

const config = require('../config');

// Libretto service holds the translated surtitle texts per production / language.
async function fetchCueText(productionId, language, number, { signal } = {}) {
  const url = `${config.librettoUrl}/v2/productions/${encodeURIComponent(productionId)}` +
    `/languages/${encodeURIComponent(language)}/cues/${number}`;
  const res = await fetch(url, {
    headers: { accept: 'application/json' },
    // 4 s is plenty for the libretto cache; the caller's abort ends it earlier.
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(4000)]) : AbortSignal.timeout(4000),
  });
  if (!res.ok) throw new Error(`libretto ${res.status}`);
  const body = await res.json();
  return body.text;
}

async function listProductions(season, { deadline } = {}) {
  const ms = deadline ? Math.max(0, deadline - Date.now()) : undefined;
  const res = await fetch(`${config.librettoUrl}/v2/seasons/${encodeURIComponent(season)}/productions`, {
    signal: ms !== undefined ? AbortSignal.timeout(ms) : undefined,
  });
  if (!res.ok) throw new Error(`libretto ${res.status}`);
  return (await res.json()).productions;
}

module.exports = { fetchCueText, listProductions };
