import * as grpc from "@grpc/grpc-js";
import { config } from "../config";
import { CaseStoreClient, ReferenceDataClient, type CaseEntry, type Instrument, type PageResponse } from "../generated/surveillance";

const creds = grpc.credentials.createSsl();
export const refData = new ReferenceDataClient(config.refDataAddr, creds);
export const caseStore = new CaseStoreClient(config.caseStoreAddr, creds);

export function instrument(symbol: string, options: Partial<grpc.CallOptions>): Promise<Instrument> {
  return new Promise((resolve, reject) =>
    refData.getInstrument({ symbol }, new grpc.Metadata(), options, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

export function appendEntry(entry: CaseEntry, options: Partial<grpc.CallOptions>) {
  return new Promise<number>((resolve, reject) =>
    caseStore.append(entry, new grpc.Metadata(), options, (err, res) => (err ? reject(err) : resolve(res.seq))),
  );
}

export function page(tradingDay: string, desk: string, cursor: string, options: Partial<grpc.CallOptions>) {
  return new Promise<PageResponse>((resolve, reject) =>
    caseStore.page({ tradingDay, desk, cursor }, new grpc.Metadata(), options, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

// Escalations go to the regulator desk's HTTP API; retried with backoff because it is flaky at open.
export function escalateWithRetry(body: unknown, attempt = 0): void {
  fetch(config.regulatorDeskUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
    .then((res) => {
      if (!res.ok) throw new Error(`regdesk ${res.status}`);
    })
    .catch(() => {
      if (attempt < 8) setTimeout(() => escalateWithRetry(body, attempt + 1), 2 ** attempt * 500);
    });
}
