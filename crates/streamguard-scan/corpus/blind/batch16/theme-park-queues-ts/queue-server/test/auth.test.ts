import { describe, expect, it } from "vitest";
import * as grpc from "@grpc/grpc-js";
import { staffOf } from "../src/auth";

describe("staffOf", () => {
  it("throws when the interceptor did not run", () => {
    expect(() => staffOf({ metadata: new grpc.Metadata() })).toThrow(/no verified principal/);
  });
});
