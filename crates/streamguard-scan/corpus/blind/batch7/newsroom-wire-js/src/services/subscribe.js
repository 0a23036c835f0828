'use strict';

const log = require('pino')({ name: 'subscribe' });
const bus = require('../lib/bus');
const archive = require('../lib/archiveClient');

function matches(req, evt) {
  if (req.desks.length > 0 && !req.desks.includes(evt.desk)) return false;
  if (evt.urgency < (req.minUrgency || 0)) return false;
  if (req.language && evt.language !== req.language) return false;
  return true;
}

function subscribeWire(call, claims) {
  const req = call.request;
  const allowed = new Set(claims.desks || []);
  const desks = req.desks.filter((d) => allowed.has(d));
  if (desks.length === 0) {
    call.destroy({ code: 7, details: 'no subscribed desk is licensed for this client' });
    return;
  }
  log.info({ sub: claims.sub, desks }, 'wire subscription opened');

  const onPublished = async (evt) => {
    if (!matches({ ...req, desks }, evt)) return;
    try {
      const record = await archive.getStory(evt.storyId);
      call.write({
        storyId: record.storyId,
        desk: record.desk,
        slug: evt.slug,
        headline: record.headline,
        body: record.body,
        urgency: evt.urgency,
        publishedAt: { seconds: Math.floor(evt.publishedMs / 1000), nanos: 0 },
        keywords: evt.keywords || [],
      });
    } catch (err) {
      log.warn({ err, storyId: evt.storyId }, 'archive fetch failed, story skipped');
    }
  };

  bus.on('published', onPublished);
  call.on('cancelled', () => bus.off('published', onPublished));
  call.on('error', () => bus.off('published', onPublished));
}

module.exports = { subscribeWire };
