'use strict';

const grpc = require('@grpc/grpc-js');
const { createRemoteJWKSet, jwtVerify } = require('jose');

const FORWARDED = ['x-fleet-sub', 'x-fleet-id', 'x-fleet-devices'];

function authInterceptor({ jwksUrl, issuer, audience }) {
  const jwks = createRemoteJWKSet(new URL(jwksUrl));

  return (methodDescriptor, call) => {
    return new grpc.ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, mdNext) {
            for (const key of FORWARDED) metadata.remove(key);
            const header = metadata.get('authorization')[0];
            if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
              return;
            }
            jwtVerify(header.slice(7), jwks, { issuer, audience })
              .then(({ payload }) => {
                metadata.set('x-fleet-sub', String(payload.sub));
                metadata.set('x-fleet-id', String(payload.fleet));
                metadata.set('x-fleet-devices', (payload.devices || []).join(','));
                mdNext(metadata);
              })
              .catch((err) => {
                call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: err.code || 'invalid token' });
              });
          },
        });
      },
    });
  };
}

module.exports = { authInterceptor };
