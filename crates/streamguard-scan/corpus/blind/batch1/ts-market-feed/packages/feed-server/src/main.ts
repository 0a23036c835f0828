import * as grpc from "@grpc/grpc-js";
import { readFileSync } from "node:fs";
import { PriceFeedService } from "./generated/feed";
import { PriceFeedImpl, type RiskClient } from "./service";
import { MarketBus } from "./market-bus";
import { revocations } from "./revocations";

const RiskCheckClient = grpc.makeGenericClientConstructor(
  {
    check: {
      path: "/risk.v1.Risk/Check",
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
      responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
    },
  },
  "risk.v1.Risk",
);

async function main(): Promise<void> {
  revocations.connect(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0");

  const bus = new MarketBus();
  const risk = new RiskCheckClient(
    process.env.RISK_ADDR ?? "risk:9000",
    grpc.credentials.createInsecure(),
  ) as unknown as RiskClient;

  const server = new grpc.Server({ "grpc.keepalive_time_ms": 30_000 });
  server.addService(PriceFeedService, new PriceFeedImpl(bus, risk));

  const creds = grpc.ServerCredentials.createSsl(null, [
    {
      cert_chain: readFileSync(process.env.TLS_CERT ?? "/etc/feed/tls.crt"),
      private_key: readFileSync(process.env.TLS_KEY ?? "/etc/feed/tls.key"),
    },
  ]);
  server.bindAsync(process.env.LISTEN ?? "0.0.0.0:8443", creds, (err, port) => {
    if (err) throw err;
    console.log(`feed-server on :${port}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
