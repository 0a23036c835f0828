import { describe, expect, it, vi } from "vitest";
import { EventEmitter } from "node:events";

vi.mock("jose", () => ({
  createRemoteJWKSet: () => ({}),
  jwtVerify: async () => ({
    payload: { sub: "cook-7", jti: "j1", exp: Math.floor(Date.now() / 1000) + 1, loc: "L1", stations: ["grill"], role: "cook" },
  }),
}));

import { StationSession } from "../src/auth/session";

function fakeCall() {
  const call: any = new EventEmitter();
  call.metadata = { get: () => ["Bearer x"] };
  call.getDeadline = () => Infinity;
  call.destroyed = null;
  call.destroy = (err: any) => (call.destroyed = err);
  return call;
}

function fakeFeed() {
  const feed: any = new EventEmitter();
  feed.isRevoked = () => false;
  return feed;
}

describe("StationSession", () => {
  it("ends the stream with token_expired at exp", async () => {
    vi.useFakeTimers();
    const call = fakeCall();
    await StationSession.open(call, fakeFeed());
    vi.advanceTimersByTime(2_000);
    expect(call.destroyed?.details).toBe("token_expired");
    vi.useRealTimers();
  });

  it("ends the stream on a pushed revocation of its subject", async () => {
    const call = fakeCall();
    const feed = fakeFeed();
    await StationSession.open(call, feed);
    feed.emit("revoked", { sub: "cook-7" });
    expect(call.destroyed?.details).toBe("token_revoked");
  });

  it("does not grant stations outside the token", async () => {
    const session = await StationSession.open(fakeCall(), fakeFeed());
    expect(session.canUseStation("L1", "fry")).toBe(false);
    expect(session.canUseStation("L1", "grill")).toBe(true);
  });
});
