import test from "node:test";
import assert from "node:assert/strict";
import { allowJob } from "../src/guard/identityLimiter.js";

test("quota is per subject and survives new streams", () => {
  const t0 = 1_000_000;
  for (let i = 0; i < 30; i++) assert.equal(allowJob("show-runner-1", t0 + i), true);
  assert.equal(allowJob("show-runner-1", t0 + 100), false);
  assert.equal(allowJob("show-runner-2", t0 + 100), true);
});

test("window resets after an hour", () => {
  assert.equal(allowJob("show-runner-1", 1_000_000 + 3_600_001), true);
});
