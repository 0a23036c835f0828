'use strict';

const { EventEmitter } = require('node:events');

const bus = new EventEmitter();
bus.setMaxListeners(0);

const recent = [];
const RECENT_MAX = 200;

function publish(event) {
  recent.push(event);
  if (recent.length > RECENT_MAX) recent.shift();
  bus.emit('event', event);
}

/** Pushes bus events of the requested kinds to one server stream until it closes. */
class Broadcaster {
  constructor(call, kinds) {
    this.call = call;
    this.kinds = new Set(kinds);
    this.onEvent = (ev) => this.push(ev);
    this.closed = false;
  }

  start() {
    bus.on('event', this.onEvent);
    this.call.on('cancelled', () => this.close());
    this.call.on('close', () => this.close());
    return this;
  }

  push(ev) {
    if (this.closed) return;
    if (this.kinds.size && !this.kinds.has(ev.kind)) return;
    this.call.write(ev);
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    bus.off('event', this.onEvent);
  }
}

module.exports = { Broadcaster, publish, recent };
