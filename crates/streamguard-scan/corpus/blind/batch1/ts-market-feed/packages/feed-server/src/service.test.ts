import { describe, expect, it, vi } from "vitest";
import { EventEmitter } from "node:events";
import * as grpc from "@grpc/grpc-js";
import { OrderThrottle } from "./limits";
import { MarketBus } from "./market-bus";

vi.mock("./auth", () => ({
  authenticate: vi.fn(async () => ({ sub: "alice", exp: Date.now() / 1000 + 60, jti: "j1", accounts: ["A1"] })),
  AuthError: class extends Error {},
}));

function duplex() {
  const call = new EventEmitter() as any;
  call.metadata = new grpc.Metadata();
  call.written = [] as unknown[];
  call.write = (m: unknown) => call.written.push(m);
  call.end = vi.fn();
  call.destroy = vi.fn();
  call.getDeadline = () => Infinity;
  call.cancelled = false;
  return call;
}

describe("OrderThrottle", () => {
  it("allows max events per window", () => {
    const t = new OrderThrottle(2, 1000);
    expect(t.tryAcquire(0)).toBe(true);
    expect(t.tryAcquire(1)).toBe(true);
    expect(t.tryAcquire(2)).toBe(false);
    expect(t.tryAcquire(1001)).toBe(true);
  });
});

describe("streamOrders", () => {
  it("rejects orders for accounts outside the token", async () => {
    const { PriceFeedImpl } = await import("./service");
    const risk = { check: vi.fn() };
    const impl = new PriceFeedImpl(new MarketBus(), risk as any);
    const call = duplex();
    impl.streamOrders(call);
    await new Promise((r) => setImmediate(r));
    call.emit("data", { clientOrderId: "o1", accountId: "B7", symbol: "X", qty: 1, limitPrice: 1 });
    expect(call.written[0]).toMatchObject({ state: "REJECTED", reason: "account_not_permitted" });
    expect(risk.check).not.toHaveBeenCalled();
  });
});
