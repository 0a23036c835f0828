import { describe, expect, it } from "vitest";
import { Floor } from "../src/house/floor.js";

describe("Floor", () => {
  it("accepts a higher bid and notifies watchers", () => {
    const floor = new Floor();
    const seen: number[] = [];
    floor.upsert({ lotId: "L1", saleId: "S1", highBidCents: 1000, closesAtMs: Date.now() + 60_000, bidCount: 0 });
    floor.subscribe("L1", (s) => seen.push(s.highBidCents));
    expect(floor.placeBid("L1", "12", 1500).ok).toBe(true);
    expect(seen).toEqual([1500]);
  });

  it("rejects a bid that does not beat the current one", () => {
    const floor = new Floor();
    floor.upsert({ lotId: "L2", saleId: "S1", highBidCents: 5000, closesAtMs: Date.now() + 60_000, bidCount: 0 });
    expect(floor.placeBid("L2", "12", 5000)).toMatchObject({ ok: false, reason: "below current bid" });
  });
});
