'use strict';

const grpc = require('@grpc/grpc-js');
const { verifyBearer } = require('../auth');
const rooms = require('../rooms');

module.exports = function subscribeRoom(call) {
  let claims;
  try {
    claims = verifyBearer(call.metadata);
  } catch (err) {
    return call.destroy({ code: grpc.status.UNAUTHENTICATED, details: err.message });
  }
  const room = call.request.room;
  if (!rooms.canJoin(claims.sub, room)) {
    return call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `not a member of ${room}` });
  }

  const em = rooms.emitter(room);
  const onEvent = (ev) => {
    if (!call.write(ev)) {
      // back-pressure: drop typing indicators, keep posts
      if (ev.frame.kind === 'typing') return;
    }
  };
  em.on('event', onEvent);
  call.on('cancelled', () => em.off('event', onEvent));
  call.on('close', () => em.off('event', onEvent));
};
