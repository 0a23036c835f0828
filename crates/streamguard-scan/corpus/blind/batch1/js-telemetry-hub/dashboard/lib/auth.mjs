import grpc from '@grpc/grpc-js';
import { jwtVerify } from 'jose';

const secret = new TextEncoder().encode(process.env.DASHBOARD_JWT_SECRET ?? '');

export function withAuth(handler) {
  return function authenticated(call, callback) {
    const header = call.metadata.get('authorization')[0];
    const token = typeof header === 'string' ? header.replace(/^Bearer /, '') : '';
    jwtVerify(token, secret, { audience: 'dashboard', algorithms: ['HS256'] })
      .then(({ payload }) => {
        call.user = payload;
        handler(call, callback);
      })
      .catch(() => {
        const err = { code: grpc.status.UNAUTHENTICATED, details: 'login required' };
        if (callback) callback(err);
        else call.destroy(err);
      });
  };
}
