'use strict';

const bus = require('../cuebus');
const libretto = require('../clients/libretto');
const log = require('pino')({ name: 'cues' });

// Displays keep this open from the house opening until the building closes.
async function watchCues(call, principal) {
  const { productionId, language } = call.request;
  if (!principal.houses.includes(productionId.split(':')[0])) {
    call.destroy({ code: 7, details: 'production not in your house' });
    return;
  }

  let closed = false;
  const aborter = new AbortController();
  const push = async (number) => {
    if (closed) return;
    try {
      const text = await libretto.fetchCueText(productionId, language || 'en', number, { signal: aborter.signal });
      if (!closed) call.write({ productionId, number, language, text, shownUnixMs: Date.now() });
    } catch (err) {
      log.warn({ err: err.message, productionId, number }, 'cue text unavailable');
    }
  };
  const onCue = (n) => { push(n); };

  bus.on(`cue:${productionId}`, onCue);
  const heartbeat = setInterval(() => push(bus.position(productionId)), 15000);

  const stop = () => {
    closed = true;
    aborter.abort();
    clearInterval(heartbeat);
    bus.off(`cue:${productionId}`, onCue);
  };
  call.on('cancelled', stop);
  call.on('close', stop);

  await push(bus.position(productionId));
}

async function listProductions(call) {
  try {
    const rows = await libretto.listProductions(call.request.season, { deadline: call.getDeadline() });
    for (const p of rows) {
      call.write({ productionId: p.id, title: p.title, languages: p.languages });
    }
    call.end();
  } catch (err) {
    call.destroy({ code: 14, details: err.message });
  }
}

module.exports = { watchCues, listProductions };
