import * as grpc from "@grpc/grpc-js";
import type { Claims } from "./auth";
import { revocations, type RevocationEvent } from "./revocations";

const LEEWAY_MS = 1000;
const MAX_STREAM_MS = Number(process.env.MAX_STREAM_MS ?? 30 * 60 * 1000);

type GuardedCall = grpc.ServerSurfaceCall & { destroy(error?: Error): void };

function statusError(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

/**
 * Ends the call when the token expires, when it is revoked, or when the stream
 * has been open too long. Returns a disposer.
 */
export function guardSession(call: GuardedCall, claims: Claims): () => void {
  const timers: NodeJS.Timeout[] = [];
  let done = false;

  const onRevoked = (ev: RevocationEvent) => {
    if ((ev.jti && ev.jti === claims.jti) || (ev.sub && ev.sub === claims.sub)) {
      end(grpc.status.PERMISSION_DENIED, "token_revoked");
    }
  };

  const dispose = () => {
    if (done) return;
    done = true;
    timers.forEach(clearTimeout);
    revocations.off("revoked", onRevoked);
  };

  const end = (code: grpc.status, details: string) => {
    dispose();
    call.destroy(statusError(code, details));
  };

  if (revocations.isRevoked(claims.jti, claims.sub)) {
    end(grpc.status.PERMISSION_DENIED, "token_revoked");
    return dispose;
  }

  const untilExpiry = claims.exp * 1000 + LEEWAY_MS - Date.now();
  if (untilExpiry <= 0) {
    end(grpc.status.UNAUTHENTICATED, "token_expired");
    return dispose;
  }

  timers.push(setTimeout(() => end(grpc.status.UNAUTHENTICATED, "token_expired"), untilExpiry));
  timers.push(setTimeout(() => end(grpc.status.UNAVAILABLE, "max_stream_lifetime"), MAX_STREAM_MS));
  revocations.on("revoked", onRevoked);

  call.on("cancelled", dispose);
  call.on("close", dispose);
  call.on("finish", dispose);
  return dispose;
}
