import { EventEmitter } from 'node:events';
import { apply, fromProto, toProto, transform } from './ot.js';

class LiveDoc extends EventEmitter {
  constructor(id, text = '', version = 0) {
    super();
    this.setMaxListeners(0);
    this.id = id;
    this.text = text;
    this.version = version;
    this.history = [];
    this.unsaved = 0;
  }

  apply(op, author) {
    let components = fromProto(op.components);
    for (const past of this.history.slice(Number(op.baseVersion) - this.version + this.history.length)) {
      components = transform(components, past.components, 'right');
    }
    this.text = apply(this.text, components);
    this.version += 1;
    this.unsaved += 1;
    this.history.push({ components, author });
    if (this.history.length > 500) this.history.shift();
    this.emit('op', { author, op: { docId: this.id, baseVersion: this.version - 1, components: toProto(components) }, version: this.version });
    return this.version;
  }

  snapshot() {
    this.unsaved = 0;
    return { version: this.version, text: this.text, at: Date.now() };
  }
}

class Hub {
  constructor() {
    this.docs = new Map();
    this.presence = new EventEmitter();
    this.presence.setMaxListeners(0);
  }

  doc(id) {
    let d = this.docs.get(id);
    if (!d) {
      d = new LiveDoc(id);
      this.docs.set(id, d);
    }
    return d;
  }

  join(docId, user, onRemote) {
    const d = this.doc(docId);
    const listener = (ev) => {
      if (ev.author !== user.sub) onRemote(ev);
    };
    d.on('op', listener);
    this.presence.emit(`presence:${docId}`, { docId, user: user.name, state: 'joined' });
    return {
      doc: d,
      leave: () => {
        d.off('op', listener);
        this.presence.emit(`presence:${docId}`, { docId, user: user.name, state: 'left' });
      },
    };
  }
}

export const hub = new Hub();
