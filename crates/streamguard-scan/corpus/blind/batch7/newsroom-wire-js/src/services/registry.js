'use strict';

const grpc = require('@grpc/grpc-js');
const { withAuth } = require('../lib/auth');
const archive = require('../lib/archiveClient');
const { subscribeWire } = require('./subscribe');
const { fileStories } = require('./fileStories');
const { editDesk } = require('./editDesk');

async function getStory(call, callback) {
  try {
    const s = await archive.getStory(call.request.storyId);
    callback(null, { storyId: s.storyId, desk: s.desk, headline: s.headline, body: s.body });
  } catch (err) {
    callback({ code: grpc.status.UNAVAILABLE, details: 'archive unavailable' });
  }
}

/** Implementation object for wire.v1.WireFeed. */
function wireFeedImpl() {
  return {
    subscribeWire: withAuth(subscribeWire, 'subscriber'),
    fileStories: withAuth(fileStories, 'reporter'),
    editDesk: withAuth(editDesk, 'editor'),
    getStory: withAuth(getStory),
  };
}

module.exports = { wireFeedImpl };
