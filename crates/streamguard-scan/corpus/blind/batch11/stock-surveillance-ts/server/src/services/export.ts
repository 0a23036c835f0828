import * as grpc from "@grpc/grpc-js";
import { claimsOf } from "../auth/interceptor";
import { page } from "../clients/downstream";
import type { CaseRecord, ExportCasesRequest } from "../generated/surveillance";

export async function exportCases(call: grpc.ServerWritableStream<ExportCasesRequest, CaseRecord>) {
  const claims = claimsOf(call.metadata);
  if (!claims.desks.includes(call.request.desk)) {
    return call.destroy(Object.assign(new Error("desk"), { code: grpc.status.PERMISSION_DENIED }));
  }
  let cursor = "";
  let cancelled = false;
  call.on("cancelled", () => (cancelled = true));
  do {
    const res = await page(call.request.tradingDay, call.request.desk, cursor, { parent: call });
    for (const c of res.cases) call.write(c);
    cursor = res.nextCursor;
  } while (cursor && !cancelled);
  call.end();
}
