'use strict';

const grpc = require('@grpc/grpc-js');
const jwt = require('jsonwebtoken');
const fs = require('node:fs');

const PUBLIC_KEY = fs.readFileSync(process.env.JWT_PUBLIC_KEY_FILE || '/etc/mcp/jwt.pem');
const AUDIENCE = process.env.JWT_AUDIENCE || 'mcp-tools';

function verifyBearer(value) {
  if (!value || !String(value).startsWith('Bearer ')) {
    throw new Error('missing bearer token');
  }
  return jwt.verify(String(value).slice(7), PUBLIC_KEY, {
    algorithms: ['RS256'],
    audience: AUDIENCE,
    clockTolerance: 1,
  });
}

/**
 * Server interceptor: rejects calls without a valid token and forwards the
 * verified identity to handlers as internal metadata.
 */
function authInterceptor(methodDescriptor, call) {
  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMetadata((metadata, next) => {
      let claims;
      try {
        claims = verifyBearer(metadata.get('authorization')[0]);
      } catch (err) {
        call.sendStatus({
          code: grpc.status.UNAUTHENTICATED,
          details: 'invalid_token',
          metadata: new grpc.Metadata(),
        });
        return;
      }
      metadata.remove('x-auth-sub');
      metadata.remove('x-auth-scopes');
      metadata.set('x-auth-sub', String(claims.sub));
      metadata.set('x-auth-scopes', String(claims.scope || ''));
      next(metadata);
    })
    .build();

  const responder = new grpc.ResponderBuilder()
    .withStart((next) => next(listener))
    .build();

  return new grpc.ServerInterceptingCall(call, responder);
}

function identityOf(call) {
  return {
    sub: call.metadata.get('x-auth-sub')[0],
    scopes: String(call.metadata.get('x-auth-scopes')[0] || '')
      .split(' ')
      .filter(Boolean),
  };
}

module.exports = { authInterceptor, identityOf, verifyBearer };
