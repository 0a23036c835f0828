'use strict';

const grpc = require('@grpc/grpc-js');
const { verifyBearer } = require('../auth');
const rooms = require('../rooms');
const moderation = require('../moderationClient');
const config = require('../config');

function join(call) {
  let claims;
  try {
    claims = verifyBearer(call.metadata);
  } catch (err) {
    call.destroy({ code: err.code || grpc.status.UNAUTHENTICATED, details: err.message });
    return;
  }

  let authorized = false;
  let windowStart = Date.now();
  let postsInWindow = 0;

  call.on('data', (frame) => {
    if (!authorized) {
      if (frame.kind !== 'hello' || !rooms.canJoin(claims.sub, frame.room)) {
        call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not a member of ${frame.room}` });
        return;
      }
      authorized = true;
      call.write({ kind: 'hello', room: frame.room, author: 'relay' });
      return;
    }

    if (frame.kind === 'typing') {
      rooms.publish(frame.room, { ...frame, author: claims.sub });
      return;
    }

    const now = Date.now();
    if (now - windowStart > config.windowMs) {
      windowStart = now;
      postsInWindow = 0;
    }
    postsInWindow += 1;
    if (postsInWindow > config.postsPerWindow) {
      call.write({ kind: 'error', room: frame.room, body: 'slow down', clientMsgId: frame.clientMsgId });
      return;
    }

    moderation.review({ room: frame.room, author: claims.sub, body: frame.body }, (err, verdict) => {
      if (err || !verdict.allowed) {
        call.write({ kind: 'rejected', room: frame.room, clientMsgId: frame.clientMsgId, body: err ? 'moderation unavailable' : verdict.reason });
        return;
      }
      rooms.publish(frame.room, { ...frame, author: claims.sub, sentUnixMs: String(Date.now()) });
      call.write({ kind: 'ack', room: frame.room, clientMsgId: frame.clientMsgId });
    });
  });

  call.on('end', () => call.end());
  call.on('error', () => {});
}

module.exports = join;
