import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ot = require('../../../vendor/ot-lite/index.js');

export function fromProto(components) {
  return ot.normalize(
    components.map((c) => {
      if (c.retain !== undefined && c.retain !== null) return c.retain;
      if (c.insert !== undefined && c.insert !== null) return c.insert;
      return { d: c.delete };
    }),
  );
}

export function toProto(op) {
  return op.map((c) => (typeof c === 'number' ? { retain: c } : typeof c === 'string' ? { insert: c } : { delete: c.d }));
}

export const { apply, transform } = ot;
