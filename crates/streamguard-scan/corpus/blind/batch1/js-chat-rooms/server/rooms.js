'use strict';

const grpc = require('@grpc/grpc-js');
const pb = require('./generated/chat_pb');
const hub = require('./hub');
const auth = require('./auth');
const { takeToken } = require('./util/array');

const Case = pb.ClientEvent.PayloadCase;

function errorEvent(code, message) {
  const err = new pb.ErrorEvent();
  err.setCode(code);
  err.setMessage(message);
  const ev = new pb.ServerEvent();
  ev.setError(err);
  return ev;
}

function messageEvent(entry) {
  const m = new pb.ChatMessage();
  m.setRoom(entry.room);
  m.setFrom(entry.from);
  m.setText(entry.text);
  m.setTs(entry.ts);
  const ev = new pb.ServerEvent();
  ev.setMessage(m);
  return ev;
}

function converse(call) {
  let session = null;
  let leave = null;
  const bucket = { tokens: 5, ts: Date.now() };

  call.on('data', (ev) => {
    switch (ev.getPayloadCase()) {
      case Case.HELLO: {
        if (session) return;
        const hello = ev.getHello();
        let claims;
        try {
          claims = auth.verifySession(hello.getToken());
        } catch (e) {
          call.write(errorEvent(grpc.status.UNAUTHENTICATED, 'invalid token'));
          call.end();
          return;
        }
        if (!claims.rooms.includes(hello.getRoom())) {
          call.write(errorEvent(grpc.status.PERMISSION_DENIED, 'not a member of ' + hello.getRoom()));
          call.end();
          return;
        }
        session = { user: claims.sub, room: hello.getRoom() };
        leave = hub.subscribe(session.room, session.user, (entry) => call.write(messageEvent(entry)));
        const welcome = new pb.Welcome();
        welcome.setRoom(session.room);
        welcome.setMembersList([...(hub.members.get(session.room) || [])]);
        const out = new pb.ServerEvent();
        out.setWelcome(welcome);
        call.write(out);
        return;
      }
      case Case.SAY: {
        if (!session) {
          call.write(errorEvent(grpc.status.FAILED_PRECONDITION, 'say hello first'));
          return;
        }
        if (!takeToken(bucket, 2, 5)) {
          call.write(errorEvent(grpc.status.RESOURCE_EXHAUSTED, 'slow down'));
          return;
        }
        const say = ev.getSay();
        const room = say.getRoom() || session.room;
        hub.publish(room, { from: session.user, text: say.getText().slice(0, 4000) });
        return;
      }
      default:
        return;
    }
  });

  const cleanup = () => {
    if (leave) leave();
    leave = null;
  };
  call.on('cancelled', cleanup);
  call.on('end', () => {
    cleanup();
    call.end();
  });
}

function history(call) {
  let claims;
  try {
    claims = auth.verifySession(auth.tokenFromMetadata(call.metadata));
  } catch {
    call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'invalid token' });
    return;
  }
  const room = call.request.getRoom();
  if (!claims.rooms.includes(room)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: 'not a member' });
    return;
  }
  const limit = Math.min(call.request.getLimit() || 50, 200);
  for (const entry of hub.recent(room).slice(-limit)) {
    call.write(messageEvent(entry).getMessage());
  }
  call.end();
}

module.exports = { converse, history };
