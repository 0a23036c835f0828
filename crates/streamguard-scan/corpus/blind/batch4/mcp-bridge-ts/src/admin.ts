import { createServer } from 'node:http';
import type { RevocationBus } from './revocations.js';

export function startAdmin(bus: RevocationBus, port: number): void {
  const token = process.env.BRIDGE_ADMIN_TOKEN;
  if (!token) {
    console.warn('BRIDGE_ADMIN_TOKEN unset: admin API disabled');
    return;
  }
  createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/revocations') {
      res.writeHead(404).end();
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end();
      return;
    }
    let body = '';
    req.on('data', (c) => {
      body += c;
      if (body.length > 4096) req.destroy();
    });
    req.on('end', () => {
      try {
        const { jti, sub } = JSON.parse(body);
        if (jti) bus.revokeJti(String(jti));
        if (sub) bus.revokeSub(String(sub));
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end('body must be JSON {"jti"|"sub"}');
      }
    });
  }).listen(port, '127.0.0.1');
}
