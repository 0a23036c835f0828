import grpc from '@grpc/grpc-js';
import jwt from 'jsonwebtoken';
import { config } from '../shared/config.mjs';

function riderFrom(metadata) {
  const [auth] = metadata.get('authorization');
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
    const e = new Error('missing bearer token');
    e.code = grpc.status.UNAUTHENTICATED;
    throw e;
  }
  try {
    const claims = jwt.verify(auth.slice(7), config.jwtPublicKey, {
      algorithms: ['RS256'],
      audience: config.jwtAudience,
      clockTolerance: 1,
    });
    return { id: claims.sub, name: claims.name ?? claims.sub, tier: claims.tier ?? 'basic', studio: claims.studio };
  } catch (err) {
    const e = new Error(`rider token rejected: ${err.message}`);
    e.code = grpc.status.UNAUTHENTICATED;
    throw e;
  }
}

// withRider(handler) verifies the rider's token and passes the rider to the
// handler; it works for every call kind.
export function withRider(handler) {
  return function authed(call, callback) {
    let rider;
    try {
      rider = riderFrom(call.metadata);
    } catch (err) {
      if (callback) callback({ code: err.code, details: err.message });
      else call.destroy({ code: err.code, details: err.message });
      return undefined;
    }
    return handler(call, rider, callback);
  };
}
