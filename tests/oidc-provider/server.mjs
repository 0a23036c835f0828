// A real OpenID provider (node-oidc-provider) for streamguard's tests, served over https.
//
// Usage: node server.mjs CONFIG.json — the config is written by crates/streamguard-testkit
// (see README.md beside this file for its fields). The server listens on a free loopback port,
// then writes {"issuer": …} to `ready_file` (atomically), which is how the caller learns it is up.
//
// Key rotation swaps the whole Provider behind the same listener (a new signing key first, the
// previous one still published); the issuer, the port and the token store (`SharedMemoryAdapter`,
// one for the process) survive it, so opaque tokens issued before a rotation stay valid.

import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';

import Provider, { errors } from 'oidc-provider';

const MAX_TTL_SECONDS = 86_400;
const DEFAULT_TTL_SECONDS = 600;

const configPath = process.argv[2];
if (!configPath) {
  console.error('usage: node server.mjs CONFIG.json');
  process.exit(2);
}
const config = JSON.parse(readFileSync(configPath, 'utf8'));

let keySerial = 0;
function newSigningKey() {
  keySerial += 1;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: `testkit-${keySerial}-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
}

// The access token format is chosen by the client: one client gets JWTs, the other opaque tokens.
function accessTokenFormat(client) {
  return client.clientId === config.clients.opaque.id ? 'opaque' : 'jwt';
}

// Optional `testkit_ttl` form field on the token request: the access token's lifetime in seconds.
function requestedTtl(ctx) {
  const raw = ctx.oidc.body?.testkit_ttl;
  if (raw === undefined) return DEFAULT_TTL_SECONDS;
  const ttl = Number(raw);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
    throw new errors.InvalidRequest(`testkit_ttl must be an integer from 1 to ${MAX_TTL_SECONDS}`);
  }
  return ttl;
}

// oidc-provider's own memory store belongs to one Provider instance; this one outlives rotations.
// Entries expire with the artifacts they hold (token lifetimes are capped at MAX_TTL_SECONDS).
const store = new Map();

class SharedMemoryAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    const now = Date.now();
    for (const [key, entry] of store) {
      if (entry.expiresAt <= now) store.delete(key);
    }
    const expiresAt = typeof expiresIn === 'number' ? now + expiresIn * 1000 : Infinity;
    store.set(this.key(id), { payload, expiresAt });
  }

  async find(id) {
    const entry = store.get(this.key(id));
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    return entry.payload;
  }

  async findByUid(uid) {
    for (const [key, { payload }] of store) {
      if (key.startsWith(`${this.model}:`) && payload.uid === uid) return payload;
    }
    return undefined;
  }

  async findByUserCode(userCode) {
    for (const [key, { payload }] of store) {
      if (key.startsWith(`${this.model}:`) && payload.userCode === userCode) return payload;
    }
    return undefined;
  }

  async consume(id) {
    const entry = store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    store.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const [key, { payload }] of store) {
      if (payload.grantId === grantId) store.delete(key);
    }
  }
}

function buildProvider(issuer, signingKeys) {
  const agent = ({ id, secret }) => ({
    client_id: id,
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  const { introspection } = config.clients;
  return new Provider(issuer, {
    adapter: SharedMemoryAdapter,
    clients: [
      agent(config.clients.jwt),
      agent(config.clients.opaque),
      {
        // A resource server: authenticates to introspect, gets no tokens itself.
        client_id: introspection.id,
        client_secret: introspection.secret,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: signingKeys },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { ClientCredentials: (ctx) => requestedTtl(ctx) },
    // Client credentials: the subject is the client, in introspection responses as in JWTs.
    extraTokenClaims: async (_ctx, token) => (token.clientId ? { sub: token.clientId } : undefined),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // The resource server introspects any token; an agent only its own.
        allowedPolicy: async (_ctx, client, token) => (
          client.clientId === introspection.id || client.clientId === token.clientId
        ),
      },
      revocation: {
        enabled: true,
        // Only the agent a token was issued to revokes it (RFC 7009's default).
        allowedPolicy: async (_ctx, client, token) => client.clientId === token.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => undefined,
        useGrantedResource: async () => true,
        // Any absolute resource URI is a resource server here; every requested scope is
        // granted, and the audience is the resource itself (RFC 8707).
        getResourceServerInfo: async (ctx, resource, client) => ({
          scope: ctx.oidc.params.scope ?? '',
          audience: resource,
          accessTokenTTL: requestedTtl(ctx),
          accessTokenFormat: accessTokenFormat(client),
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  });
}

function sameSecret(given, expected) {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function respondJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

let issuer;
let keys = [newSigningKey()];
let provider;
let handle;

function install() {
  provider = buildProvider(issuer, keys);
  provider.on('server_error', (_ctx, err) => console.error('server_error', err));
  handle = provider.callback();
}

// POST /__testkit/rotate-keys: a new signing key in front, the previous one kept for verification.
function rotateKeys(req, res) {
  if (req.method !== 'POST' || !sameSecret(req.headers['x-testkit-control'], config.control_secret)) {
    respondJson(res, 403, { error: 'forbidden' });
    return;
  }
  keys = [newSigningKey(), keys[0]];
  install();
  const kids = keys.map((k) => k.kid);
  console.log(`rotated signing keys: ${kids.join(', ')}`);
  respondJson(res, 200, { signing_kid: kids[0], published_kids: kids });
}

const server = createServer(
  { cert: readFileSync(config.tls_cert), key: readFileSync(config.tls_key) },
  (req, res) => {
    if (req.url === '/__testkit/rotate-keys') {
      rotateKeys(req, res);
    } else {
      handle(req, res);
    }
  },
);

server.listen(config.port ?? 0, '127.0.0.1', () => {
  issuer = `https://127.0.0.1:${server.address().port}`;
  install();
  const tmp = `${config.ready_file}.tmp`;
  writeFileSync(tmp, JSON.stringify({ issuer, signing_kid: keys[0].kid }));
  renameSync(tmp, config.ready_file);
  console.log(`oidc-provider ready at ${issuer}`);
});
