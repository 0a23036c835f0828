'use strict';

const grpc = require('@grpc/grpc-js');
const archive = require('../lib/archiveClient');
const config = require('../lib/config');
const { hasRole } = require('../lib/auth');

function fileStories(call, callback, claims) {
  const parts = [];
  let draftId = null;
  let desk = null;
  let failed = false;

  call.on('data', (chunk) => {
    if (failed) return;
    if (draftId === null) {
      draftId = chunk.draftId;
      desk = chunk.desk;
      if (!(claims.desks || []).includes(desk) && !hasRole(claims, 'chief')) {
        failed = true;
        callback({ code: grpc.status.PERMISSION_DENIED, details: `not filing for desk ${desk}` });
        return;
      }
    }
    parts.push(chunk.text);
    if (parts.length > config.maxChunks) {
      failed = true;
      callback({ code: grpc.status.RESOURCE_EXHAUSTED, details: 'story too long' });
    }
  });

  call.on('end', async () => {
    if (failed) return;
    try {
      await archive.saveDraft({ draftId, desk, author: claims.sub, text: parts.join('') }, call);
      callback(null, { draftId, chunks: parts.length });
    } catch (err) {
      callback(err);
    }
  });
}

module.exports = { fileStories };
