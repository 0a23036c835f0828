'use strict';
// Prometheus text exposition without a client library: the ops team scrapes /metrics.
const http = require('node:http');

const counters = new Map();
const gauges = new Map();

function inc(name, labels = {}, by = 1) {
  const key = `${name}${fmt(labels)}`;
  counters.set(key, (counters.get(key) || 0) + by);
}

function set(name, value, labels = {}) {
  gauges.set(`${name}${fmt(labels)}`, value);
}

function fmt(labels) {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${String(v).replace(/"/g, '\\"')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function render() {
  const lines = [];
  for (const [k, v] of counters) lines.push(`${k} ${v}`);
  for (const [k, v] of gauges) lines.push(`${k} ${v}`);
  return `${lines.join('\n')}\n`;
}

function serve(port) {
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(render());
    } else if (req.url === '/healthz') {
      res.writeHead(200);
      res.end('ok');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  server.listen(port);
  return server;
}

module.exports = { inc, set, serve, render };
