import { describe, expect, it, vi } from "vitest";
import * as grpc from "@grpc/grpc-js";

vi.mock("jose", () => ({
  createRemoteJWKSet: () => ({}),
  jwtVerify: vi.fn(async (token: string) => {
    if (token !== "good") throw new Error("signature verification failed");
    return { payload: { sub: "op-1", jti: "j-1", exp: Math.floor(Date.now() / 1000) + 600, scope: "roast:read" } };
  }),
}));

import { bearerOf, verifyToken } from "../src/auth/interceptor";

describe("bearerOf", () => {
  it("extracts the token", () => {
    const md = new grpc.Metadata();
    md.set("authorization", "Bearer good");
    expect(bearerOf(md)).toBe("good");
  });
  it("ignores other schemes", () => {
    const md = new grpc.Metadata();
    md.set("authorization", "Basic Zm9vOmJhcg==");
    expect(bearerOf(md)).toBeUndefined();
  });
});

describe("verifyToken", () => {
  it("returns claims for a valid token", async () => {
    await expect(verifyToken("good")).resolves.toMatchObject({ sub: "op-1" });
  });
  it("rejects a bad token", async () => {
    await expect(verifyToken("bad")).rejects.toThrow(/signature/);
  });
});
