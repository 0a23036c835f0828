'use strict';

const grpc = require('@grpc/grpc-js');
const pb = require('./generated/chat_pb');
const hub = require('./hub');
const auth = require('./auth');

const RECHECK_MS = 60 * 1000;

function watchPresence(call) {
  let claims;
  try {
    claims = auth.verifySession(auth.tokenFromMetadata(call.metadata));
  } catch {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'invalid token' });
    return;
  }

  const rooms = new Set(call.request.getRoomsList().filter((r) => claims.rooms.includes(r)));
  const onPresence = ({ room, user, online }) => {
    if (!rooms.has(room)) return;
    const ev = new pb.PresenceEvent();
    ev.setRoom(room);
    ev.setUser(user);
    ev.setOnline(online);
    call.write(ev);
  };
  hub.on('presence', onPresence);

  const recheck = setInterval(() => {
    if (claims.exp * 1000 < Date.now()) {
      stop();
      call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'token_expired' });
      return;
    }
    if (auth.isRevoked(claims)) {
      stop();
      call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'token_revoked' });
    }
  }, RECHECK_MS);

  function stop() {
    clearInterval(recheck);
    hub.off('presence', onPresence);
  }

  call.on('cancelled', stop);
  call.on('close', stop);
}

module.exports = { watchPresence };
