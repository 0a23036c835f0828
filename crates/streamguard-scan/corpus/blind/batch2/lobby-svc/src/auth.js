'use strict';

const jwt = require('jsonwebtoken');

const SECRET = process.env.ARCADE_JWT_SECRET || 'dev-only-secret';

function playerFromMetadata(metadata) {
  const value = metadata.get('authorization')[0];
  if (!value) return null;
  try {
    const claims = jwt.verify(String(value).replace(/^Bearer\s+/, ''), SECRET, {
      algorithms: ['HS256'],
      issuer: 'arcade-auth',
    });
    return { id: claims.sub, name: claims.name || claims.sub, exp: claims.exp };
  } catch (_) {
    return null;
  }
}

module.exports = { playerFromMetadata };
