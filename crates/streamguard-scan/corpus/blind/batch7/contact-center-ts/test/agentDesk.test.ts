import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { SessionGuard } from "../src/session/sessionGuard";
import { RevocationFeed } from "../src/session/revocations";

class FakeCall extends EventEmitter {
  destroyed?: { code: number; details: string };
  destroy(s: any) {
    this.destroyed = s;
  }
}

const claims = (expInS: number) => ({
  sub: "agent-7",
  jti: "j-1",
  exp: Math.floor(Date.now() / 1000) + expInS,
  tenant: "acme",
  roles: ["agent"],
  queues: ["billing"],
});

describe("SessionGuard", () => {
  it("ends the stream with UNAUTHENTICATED at token expiry", () => {
    vi.useFakeTimers();
    const call = new FakeCall();
    new SessionGuard(call as any, claims(2) as any, new RevocationFeed("redis://x")).start();
    vi.advanceTimersByTime(2_500);
    expect(call.destroyed?.details).toBe("token_expired");
    vi.useRealTimers();
  });

  it("ends the stream with PERMISSION_DENIED when the jti is revoked", () => {
    const call = new FakeCall();
    const feed = new RevocationFeed("redis://x");
    new SessionGuard(call as any, claims(600) as any, feed).start();
    feed.emit("revoked", { jti: "j-1" });
    expect(call.destroyed?.details).toBe("token_revoked");
  });

  it("ignores revocations of other tokens", () => {
    const call = new FakeCall();
    const feed = new RevocationFeed("redis://x");
    const guard = new SessionGuard(call as any, claims(600) as any, feed).start();
    feed.emit("revoked", { jti: "other" });
    expect(call.destroyed).toBeUndefined();
    guard.dispose();
  });
});
