'use strict';

const fs = require('node:fs');

const ROOT = process.env.RESOURCE_ROOT || '/var/lib/mcp/resources';
const cache = new Map();

function read(uri) {
  const rel = String(uri).replace(/^res:\/\//, '');
  if (rel.includes('..')) return null;
  try {
    const stat = fs.statSync(`${ROOT}/${rel}`);
    const hit = cache.get(rel);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit.text;
    const text = fs.readFileSync(`${ROOT}/${rel}`, 'utf8');
    cache.set(rel, { mtimeMs: stat.mtimeMs, text });
    return text;
  } catch {
    return null;
  }
}

module.exports = { read };
