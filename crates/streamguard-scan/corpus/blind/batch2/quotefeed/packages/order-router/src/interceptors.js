'use strict';

const grpc = require('@grpc/grpc-js');
const { createRemoteJWKSet, jwtVerify } = require('jose');

const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URL || 'https://sso.quotefeed.internal/.well-known/jwks.json'));

function authInterceptor(methodDescriptor, call) {
  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMetadata((metadata, next) => {
      const [raw] = metadata.get('authorization');
      const token = raw ? String(raw).replace(/^Bearer\s+/i, '') : '';
      if (!token) {
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing token' });
        return;
      }
      jwtVerify(token, JWKS, { issuer: 'https://sso.quotefeed.internal', audience: 'order-router' })
        .then(({ payload }) => {
          metadata.set('x-auth-sub', String(payload.sub));
          metadata.set('x-auth-accounts', (payload.accounts || []).join(','));
          next(metadata);
        })
        .catch(() => {
          call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'invalid token' });
        });
    })
    .build();

  const responder = new grpc.ResponderBuilder()
    .withStart((next) => next(listener))
    .build();

  return new grpc.ServerInterceptingCall(call, responder);
}

module.exports = { authInterceptor };
