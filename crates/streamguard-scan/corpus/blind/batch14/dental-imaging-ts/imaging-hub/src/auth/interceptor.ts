import * as grpc from '@grpc/grpc-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config';

const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
export const CLAIMS_HEADER = 'x-hub-claims';

export interface Clinician {
  sub: string;
  clinics: string[];
  roles: string[];
  exp: number;
}

async function verify(authorization: string | undefined): Promise<Clinician> {
  if (!authorization?.startsWith('Bearer ')) throw new Error('missing bearer token');
  const { payload } = await jwtVerify(authorization.slice(7), jwks, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ['RS256'],
  });
  return {
    sub: String(payload.sub),
    clinics: (payload.clinics as string[]) ?? [],
    roles: (payload.roles as string[]) ?? [],
    exp: Number(payload.exp),
  };
}

// Verifies the clinician's token when the call starts and passes the verified
// claims to the handler in a server-set metadata entry.
export const authInterceptor: grpc.ServerInterceptor = (methodDescriptor, call) => {
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, mdNext) {
          metadata.remove(CLAIMS_HEADER);
          const [auth] = metadata.get('authorization') as string[];
          verify(auth).then(
            (claims) => {
              metadata.set(CLAIMS_HEADER, JSON.stringify(claims));
              mdNext(metadata);
            },
            (err) => {
              call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: String(err.message ?? err) });
            },
          );
        },
      });
    },
  });
};

export function clinicianOf(call: { metadata: grpc.Metadata }): Clinician {
  const [raw] = call.metadata.get(CLAIMS_HEADER) as string[];
  return JSON.parse(raw) as Clinician;
}

export function canView(c: Clinician, clinicId: string): boolean {
  return c.clinics.includes(clinicId) && (c.roles.includes('radiologist') || c.roles.includes('dentist'));
}
