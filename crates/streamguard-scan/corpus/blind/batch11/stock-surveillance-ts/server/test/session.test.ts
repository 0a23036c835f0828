import { describe, expect, it, vi } from "vitest";
vi.mock("ioredis", () => ({ default: class { subscribe() { return Promise.resolve(); } on() {} duplicate() { return this; } } }));
import { AlertSession } from "../src/auth/session";

function fakeCall() {
  const handlers: Record<string, () => void> = {};
  return { destroyed: null as any, destroy(e: any) { this.destroyed = e; }, on(ev: string, fn: () => void) { handlers[ev] = fn; }, handlers };
}

describe("AlertSession", () => {
  it("ends the call at exp", () => {
    vi.useFakeTimers();
    const call = fakeCall();
    new AlertSession(call as any, { sub: "a1", jti: "j1", exp: Math.floor(Date.now() / 1000) + 2, desks: ["eq"], scope: "" } as any);
    vi.advanceTimersByTime(2500);
    expect(call.destroyed.details).toBe("token_expired");
  });

  it("checks desks", () => {
    const s = new AlertSession(fakeCall() as any, { sub: "a1", jti: "j2", exp: 9e9, desks: ["eq"], scope: "" } as any);
    expect(s.deskAllowed("eq")).toBe(true);
    expect(s.deskAllowed("fx")).toBe(false);
  });
});
