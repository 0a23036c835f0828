import test from "node:test";
import assert from "node:assert";
import { EventEmitter } from "node:events";
import { SiteSession } from "../src/session/siteSession";
import { CLAIMS_HEADER } from "../src/session/authInterceptor";

test("session refuses a revoked subject at open", () => {
  const call = Object.assign(new EventEmitter(), {
    metadata: { get: (k: string) => (k === CLAIMS_HEADER ? [JSON.stringify({ sub: "u", jti: "j", exp: 9e9 })] : []) },
    destroy(this: any, s: any) { this.status = s; },
  });
  const feed = Object.assign(new EventEmitter(), { isRevoked: () => true });
  const s = new SiteSession(call as never, { maxStreamMs: 1000, idleMs: 1000 } as never, feed as never, {} as never);
  assert.strictEqual(s.active, false);
  assert.strictEqual((call as any).status.details, "token_revoked");
});

// Fake query feed used by the portal's e2e tests; streams forever on purpose.
export function fakeWatchQueries(call: any): void {
  let n = 0;
  setInterval(() => call.write({ queryId: `q${n++}`, subjectId: "S-001", field: "AE", text: "check", raisedAt: Date.now() }), 50);
}
