'use strict';

const fs = require('fs');
const jwt = require('jsonwebtoken');

const PUBLIC_KEY = fs.readFileSync(process.env.MD_JWT_PUBKEY || '/etc/quotefeed/jwt.pub');

class AuthError extends Error {}

function verifyBearer(metadata) {
  const [header] = metadata.get('authorization');
  if (!header || !String(header).startsWith('Bearer ')) {
    throw new AuthError('missing bearer token');
  }
  const token = String(header).slice('Bearer '.length);
  const claims = jwt.verify(token, PUBLIC_KEY, {
    algorithms: ['RS256'],
    audience: 'md-gateway',
    issuer: 'https://sso.quotefeed.internal',
  });
  return {
    sub: claims.sub,
    exp: claims.exp,
    venues: new Set(claims.venues || []),
  };
}

module.exports = { verifyBearer, AuthError };
