'use strict';

const grpc = require('@grpc/grpc-js');
const log = require('pino')({ name: 'join-room' });
const { verifyCall, canJoin } = require('../auth/jwt');
const registry = require('../rooms/registry');
const config = require('../config');

function fail(call, code, details) {
  call.destroy(Object.assign(new Error(details), { code, details }));
}

// JoinRoom: one session per participant. The first message must be a join for
// a room the token grants; after that the client relays SDP/ICE to peers and,
// if it is a host, moderates.
function joinRoom(call) {
  let claims = null;
  let joinedRoom = null;
  const participantId = `p-${Math.random().toString(36).slice(2, 10)}`;

  // flood protection: browsers with broken ICE gathering can spray candidates
  const window = { started: Date.now(), count: 0 };

  const ready = verifyCall(call).then(
    (c) => { claims = c; },
    (err) => fail(call, err.code ?? grpc.status.UNAUTHENTICATED, err.message),
  );

  call.on('data', async (msg) => {
    await ready;
    if (!claims) return;

    const now = Date.now();
    if (now - window.started >= 1000) {
      window.started = now;
      window.count = 0;
    }
    window.count += 1;
    if (window.count > config.messagesPerSecond) {
      fail(call, grpc.status.RESOURCE_EXHAUSTED, 'too many signalling messages');
      return;
    }

    switch (msg.kind) {
      case 'join': {
        if (!canJoin(claims, msg.roomId)) {
          fail(call, grpc.status.PERMISSION_DENIED, `not invited to ${msg.roomId}`);
          return;
        }
        joinedRoom = msg.roomId;
        registry.room(msg.roomId).add(
          { id: participantId, displayName: msg.join.displayName, muted: !msg.join.audio, host: claims.host },
          (event) => call.write(event),
        );
        log.info({ sub: claims.sub, room: msg.roomId, participantId }, 'joined');
        break;
      }
      case 'sdp':
      case 'ice': {
        if (!joinedRoom) {
          fail(call, grpc.status.FAILED_PRECONDITION, 'join first');
          return;
        }
        const target = msg.kind === 'sdp' ? msg.sdp.toParticipant : msg.ice.toParticipant;
        const room = registry.existing(msg.roomId);
        if (!room || !room.deliver(target, { roomId: msg.roomId, fromParticipant: participantId, [msg.kind]: msg[msg.kind] })) {
          call.write({ roomId: msg.roomId, error: { code: 5, message: `no participant ${target}` } });
        }
        break;
      }
      case 'moderate': {
        if (!joinedRoom || !claims.host) {
          call.write({ roomId: msg.roomId, error: { code: 7, message: 'hosts only' } });
          break;
        }
        const room = registry.existing(msg.roomId);
        if (!room) break;
        if (msg.moderate.action === 'mute') room.setMuted(msg.moderate.participantId, true);
        else if (msg.moderate.action === 'kick') room.kick(msg.moderate.participantId);
        break;
      }
      case 'leave':
        call.end();
        break;
      default:
        call.write({ roomId: msg.roomId, error: { code: 3, message: 'unknown message kind' } });
    }
  });

  const cleanup = () => {
    if (joinedRoom) registry.room(joinedRoom).remove(participantId);
    joinedRoom = null;
  };
  call.on('end', () => { cleanup(); call.end(); });
  call.on('cancelled', cleanup);
  call.on('error', cleanup);
}

module.exports = { joinRoom };
