'use strict';

const { EventEmitter } = require('node:events');
const readline = require('node:readline');
const fs = require('node:fs');

const AUDIT_FILE = process.env.AUDIT_FILE || '/var/log/mcp/audit.jsonl';

class AuditLog extends EventEmitter {
  constructor(file = AUDIT_FILE) {
    super();
    this.setMaxListeners(0);
    this.file = file;
    this.offset = 0;
    this.sessions = new Set();
  }

  start() {
    fs.watchFile(this.file, { interval: 500 }, () => this.#readNew());
  }

  #readNew() {
    const stream = fs.createReadStream(this.file, { start: this.offset, encoding: 'utf8' });
    const rl = readline.createInterface({ input: stream });
    rl.on('line', (line) => {
      this.offset += Buffer.byteLength(line) + 1;
      try {
        this.emit('entry', JSON.parse(line));
      } catch {
        /* partial line */
      }
    });
  }
}

module.exports = { AuditLog };
