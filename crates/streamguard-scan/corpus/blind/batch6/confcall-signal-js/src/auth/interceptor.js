'use strict';

const grpc = require('@grpc/grpc-js');

// Cheap pre-filter: refuse calls that carry no bearer token at all before any
// handler runs. Signature and claims are verified in the handlers (verifyCall),
// which need the claims anyway.
function requireBearer(methodDescriptor, call) {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const [auth] = metadata.get('authorization');
          if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing bearer token' });
            return;
          }
          mdNext(metadata);
        },
      });
    },
  });
}

module.exports = { requireBearer };
