'use strict';

const grpc = require('@grpc/grpc-js');
const { verifyCall, canJoin } = require('../auth/jwt');
const registry = require('../rooms/registry');
const presence = require('../clients/presence');

async function enrich(roster, deadline) {
  const ids = roster.participants.map((p) => p.id);
  if (ids.length === 0) return roster;
  const entries = await presence.lookupMany(ids, deadline);
  const byId = new Map(entries.map((e) => [e.userId, e]));
  return {
    ...roster,
    participants: roster.participants.map((p) => ({ ...p, displayName: byId.get(p.id)?.displayName || p.displayName })),
  };
}

// WatchRoster streams roster changes of one room to side panels and the
// in-room display tablets, which stay subscribed all day.
async function watchRoster(call) {
  let claims;
  try {
    claims = await verifyCall(call);
  } catch (err) {
    call.destroy(Object.assign(err, { details: err.message }));
    return;
  }
  const { roomId } = call.request;
  if (!canJoin(claims, roomId)) {
    call.destroy({ code: grpc.status.PERMISSION_DENIED, details: `no access to ${roomId}` });
    return;
  }

  const room = registry.room(roomId);
  try {
    call.write(await enrich(room.roster(), call.getDeadline()));
  } catch (err) {
    call.destroy({ code: grpc.status.UNAVAILABLE, details: `presence: ${err.details || err.message}` });
    return;
  }

  const onRoster = (roster) => call.write(roster);
  room.on('roster', onRoster);
  const detach = () => room.off('roster', onRoster);
  call.on('cancelled', detach);
  call.on('close', detach);
}

module.exports = { watchRoster };
