// Small admin HTTP surface next to the gRPC port: health and a tank summary for the wall screen.
import http from 'node:http';
import { pool } from '../shared/db.mjs';

export function startAdmin(port) {
  const server = http.createServer(async (req, res) => {
    try {
      if (req.url === '/healthz') {
        await pool.query('SELECT 1');
        res.writeHead(200).end('ok');
        return;
      }
      if (req.url === '/tanks') {
        const { rows } = await pool.query('SELECT tank_id, target_c, changed_at FROM tanks ORDER BY tank_id');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      res.writeHead(503).end(String(err.message));
    }
  });
  server.listen(port);
  return server;
}
