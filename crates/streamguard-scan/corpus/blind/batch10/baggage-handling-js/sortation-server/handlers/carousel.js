'use strict';

const grpc = require('@grpc/grpc-js');
const log = require('pino')({ name: 'carousel' });
const { authenticate, AuthError } = require('../auth');
const bhs = require('../clients/bhs');

const MIN_POLL_MS = 500;

function watchCarousel(call) {
  let claims;
  try {
    claims = authenticate(call, { scope: 'carousel:read' });
  } catch (err) {
    if (err instanceof AuthError) return call.destroy({ code: err.code, details: err.details });
    throw err;
  }
  const { carouselId } = call.request;
  const pollMs = Math.max(MIN_POLL_MS, call.request.pollMs || 1000);
  let seq = 0;
  const abort = new AbortController();
  let busy = false;
  log.info({ sub: claims.sub, carouselId }, 'carousel watch opened');

  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const batch = await bhs.carouselBags(carouselId, seq, { signal: abort.signal });
      for (const bag of batch.bags) {
        call.write({ bagTag: bag.tag, flight: bag.flight, status: bag.status, at: { seconds: Math.floor(bag.ts / 1000) } });
      }
      seq = batch.nextSeq;
    } catch (err) {
      log.warn({ err: err.message, carouselId }, 'bhs poll failed');
    } finally {
      busy = false;
    }
  }, pollMs);

  const stop = () => {
    clearInterval(timer);
    abort.abort();
  };
  call.on('cancelled', stop);
  call.on('close', stop);
}

module.exports = { watchCarousel };
