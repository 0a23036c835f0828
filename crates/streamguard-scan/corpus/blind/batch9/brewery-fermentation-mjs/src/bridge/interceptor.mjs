// Server interceptor: every TankBridge call must carry a valid gateway key.
import * as grpc from '@grpc/grpc-js';
import { lookupKey } from './apiKeys.mjs';

export const gatewayByCall = new WeakMap();

export function apiKeyInterceptor(methodDescriptor, call) {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          const [raw] = metadata.get('x-api-key');
          if (typeof raw !== 'string') {
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'missing x-api-key' });
            return;
          }
          lookupKey(raw).then((gw) => {
            if (!gw) {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'unknown or disabled key' });
              return;
            }
            metadata.set('x-gateway-site', gw.siteId);
            metadata.set('x-gateway-key-id', gw.keyId);
            mdNext(metadata);
          }, () => call.sendStatus({ code: grpc.status.UNAVAILABLE, details: 'key store unavailable' }));
        },
      });
    },
  });
}
