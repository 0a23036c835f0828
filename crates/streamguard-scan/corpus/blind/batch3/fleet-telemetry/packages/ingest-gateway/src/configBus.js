'use strict';

const { EventEmitter } = require('node:events');

class ConfigBus extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this.current = new Map();
  }

  publish(cfg) {
    const prev = this.current.get(cfg.deviceId);
    if (prev && prev.revision >= cfg.revision) return;
    this.current.set(cfg.deviceId, cfg);
    this.emit(`config:${cfg.deviceId}`, cfg);
  }

  latest(deviceId) {
    return this.current.get(deviceId);
  }
}

module.exports = new ConfigBus();
