'use strict';

const { EventEmitter } = require('node:events');

const HISTORY_LIMIT = 500;

class Hub extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this.history = new Map();
    this.members = new Map();
  }

  publish(room, message) {
    const entry = { room, ...message, ts: Date.now() };
    const list = this.history.get(room) || [];
    list.push(entry);
    if (list.length > HISTORY_LIMIT) list.shift();
    this.history.set(room, list);
    this.emit(`room:${room}`, entry);
  }

  subscribe(room, user, fn) {
    const key = `room:${room}`;
    this.on(key, fn);
    const set = this.members.get(room) || new Set();
    set.add(user);
    this.members.set(room, set);
    this.emit('presence', { room, user, online: true });
    return () => {
      this.off(key, fn);
      set.delete(user);
      this.emit('presence', { room, user, online: false });
    };
  }

  recent(room) {
    return this.history.get(room) || [];
  }

  rooms() {
    return [...this.history.keys()];
  }
}

module.exports = new Hub();
