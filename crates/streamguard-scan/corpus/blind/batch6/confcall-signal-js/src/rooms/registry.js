'use strict';

const { EventEmitter } = require('node:events');

class Room extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.participants = new Map();
    this.version = 0;
    this.setMaxListeners(0);
  }

  add(participant, sink) {
    this.participants.set(participant.id, { ...participant, sink });
    this.bump();
  }

  remove(participantId) {
    if (this.participants.delete(participantId)) this.bump();
  }

  deliver(toParticipant, event) {
    const p = this.participants.get(toParticipant);
    if (!p) return false;
    p.sink(event);
    return true;
  }

  setMuted(participantId, muted) {
    const p = this.participants.get(participantId);
    if (!p) return false;
    p.muted = muted;
    this.bump();
    return true;
  }

  kick(participantId) {
    const p = this.participants.get(participantId);
    if (!p) return false;
    p.sink({ roomId: this.id, error: { code: 7, message: 'removed by host' } });
    this.remove(participantId);
    return true;
  }

  roster() {
    return {
      roomId: this.id,
      version: this.version,
      participants: [...this.participants.values()].map(({ id, displayName, muted, host }) => ({ id, displayName, muted, host })),
    };
  }

  bump() {
    this.version += 1;
    this.emit('roster', this.roster());
  }
}

const rooms = new Map();

function room(id) {
  let r = rooms.get(id);
  if (!r) {
    r = new Room(id);
    rooms.set(id, r);
  }
  return r;
}

function existing(id) {
  return rooms.get(id);
}

module.exports = { room, existing, rooms };
