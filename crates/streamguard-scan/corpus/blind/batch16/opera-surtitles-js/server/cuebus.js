'use strict';

const { EventEmitter } = require('node:events');

// In-process bus of cue positions, fed by the operator desk (CueDeck).
class CueBus extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this.positions = new Map();
  }

  position(productionId) {
    return this.positions.get(productionId) || 0;
  }

  move(productionId, number) {
    this.positions.set(productionId, number);
    this.emit(`cue:${productionId}`, number);
  }
}

module.exports = new CueBus();
