'use strict';

const { EventEmitter } = require('node:events');

// In-process fan-out of session updates produced by charger links to the
// driver apps that watch them. One gateway process owns a charger's link, and
// the load balancer pins drivers of a site to the same process.
class SessionBus extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  publish(update) {
    this.emit(`session:${update.sessionId}`, update);
  }

  subscribe(sessionId, fn) {
    const topic = `session:${sessionId}`;
    this.on(topic, fn);
    return () => this.off(topic, fn);
  }
}

module.exports = new SessionBus();
