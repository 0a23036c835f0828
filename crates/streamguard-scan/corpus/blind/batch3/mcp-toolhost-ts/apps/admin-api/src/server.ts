import express from 'express';
import Redis from 'ioredis';

const app = express();
app.use(express.json());

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0');
const adminToken = process.env.ADMIN_TOKEN;

app.use((req, res, next) => {
  if (!adminToken || req.header('authorization') !== `Bearer ${adminToken}`) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  next();
});

app.post('/v1/revocations', async (req, res) => {
  const { jti, sub } = req.body ?? {};
  if (!jti && !sub) {
    res.status(400).json({ error: 'jti or sub required' });
    return;
  }
  await redis.publish('toolhost:revocations', JSON.stringify({ jti, sub, at: Date.now() }));
  res.status(202).json({ ok: true });
});

app.get('/healthz', (_req, res) => res.json({ ok: true }));

app.listen(Number(process.env.ADMIN_PORT ?? 8081), () => {
  console.log('admin api up');
});
