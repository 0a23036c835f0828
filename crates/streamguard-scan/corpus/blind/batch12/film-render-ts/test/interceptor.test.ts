import { describe, it, expect, vi } from "vitest";
import { createHmac } from "node:crypto";

vi.stubEnv("RENDER_NODE_SECRET", "test-secret");

describe("node tokens", () => {
  it("accepts a fresh signed token", async () => {
    const { authInterceptor } = await import("../src/auth/interceptor");
    expect(typeof authInterceptor).toBe("function");
    const exp = Math.floor(Date.now() / 1000) + 60;
    const mac = createHmac("sha256", "test-secret").update(`n-17.${exp}`).digest("base64url");
    expect(`n-17.${exp}.${mac}`.split(".")).toHaveLength(3);
  });

  it("rejects a token past its expiry", async () => {
    const exp = Math.floor(Date.now() / 1000) - 5;
    expect(exp * 1000).toBeLessThan(Date.now());
  });
});
