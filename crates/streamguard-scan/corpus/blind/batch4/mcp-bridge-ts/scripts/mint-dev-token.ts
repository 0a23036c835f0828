// Dev helper: mints an HS256 token for the local JWKS stub. Never used in production.
import { SignJWT } from 'jose';

const [sub = 'dev', scope = 'docs:read', ttl = '300'] = process.argv.slice(2);
const secret = new TextEncoder().encode(process.env.DEV_SECRET ?? 'dev-only-secret');

const token = await new SignJWT({ scope })
  .setProtectedHeader({ alg: 'HS256', kid: 'dev' })
  .setSubject(sub)
  .setIssuer('http://localhost:9000')
  .setAudience('mcp-bridge')
  .setIssuedAt()
  .setExpirationTime(`${ttl}s`)
  .setJti(crypto.randomUUID())
  .sign(secret);

console.log(token);
