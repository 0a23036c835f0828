'use strict';

const { EventEmitter } = require('events');

// In-process room registry. Membership comes from the directory service at boot and is
// refreshed by the ops script; posts fan out through one emitter per room.
class Rooms {
  constructor() {
    this.members = new Map(); // room -> Set(sub)
    this.emitters = new Map();
    this.seq = 0;
  }

  load(entries) {
    for (const { room, subs } of entries) this.members.set(room, new Set(subs));
  }

  canJoin(sub, room) {
    const set = this.members.get(room);
    return Boolean(set && set.has(sub));
  }

  emitter(room) {
    let em = this.emitters.get(room);
    if (!em) {
      em = new EventEmitter();
      em.setMaxListeners(0);
      this.emitters.set(room, em);
    }
    return em;
  }

  publish(room, frame) {
    this.seq += 1;
    this.emitter(room).emit('event', { seq: this.seq, room, frame });
  }
}

module.exports = new Rooms();
