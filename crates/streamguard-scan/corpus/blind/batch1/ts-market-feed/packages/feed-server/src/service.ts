import * as grpc from "@grpc/grpc-js";
import { authenticate, AuthError } from "./auth";
import { guardSession } from "./session";
import { OrderThrottle } from "./limits";
import type { MarketBus } from "./market-bus";
import type {
  OrderEvent,
  OrderMessage,
  PriceFeedServer,
  PriceTick,
  Quote,
  QuoteRequest,
  SubscribeRequest,
} from "./generated/feed";

export interface RiskClient {
  check(
    req: { accountId: string; symbol: string; qty: number; limitPrice: number },
    options: grpc.CallOptions,
    cb: (err: grpc.ServiceError | null, res?: { approved: boolean; reason: string }) => void,
  ): grpc.ClientUnaryCall;
}

const ORDERS_PER_SECOND = 20;

export class PriceFeedImpl implements PriceFeedServer {
  [name: string]: grpc.UntypedHandleCall;

  constructor(
    private readonly bus: MarketBus,
    private readonly risk: RiskClient,
  ) {}

  subscribePrices(call: grpc.ServerWritableStream<SubscribeRequest, PriceTick>): void {
    authenticate(call.metadata).then(
      (claims) => {
        const dispose = guardSession(call, claims);
        if (call.cancelled || call.destroyed) return;
        const symbols = call.request.symbols.slice(0, 50);
        for (const s of symbols) {
          const t = this.bus.lastTick(s);
          if (t) call.write(t);
        }
        const unsubscribe = this.bus.subscribe(symbols, (tick) => call.write(tick));
        const stop = () => {
          unsubscribe();
          dispose();
        };
        call.on("cancelled", stop);
        call.on("close", stop);
      },
      (err: AuthError) => call.destroy(Object.assign(new Error(err.details), { code: err.code })),
    );
  }

  streamOrders(call: grpc.ServerDuplexStream<OrderMessage, OrderEvent>): void {
    authenticate(call.metadata).then(
      (claims) => {
        const dispose = guardSession(call, claims);
        const throttle = new OrderThrottle(ORDERS_PER_SECOND, 1000);
        const inflight = new Set<grpc.ClientUnaryCall>();

        call.on("cancelled", () => {
          for (const c of inflight) c.cancel();
          inflight.clear();
        });

        call.on("data", (msg: OrderMessage) => {
          if (!throttle.tryAcquire()) {
            call.destroy(
              Object.assign(new Error("rate_limit_exceeded"), { code: grpc.status.RESOURCE_EXHAUSTED }),
            );
            return;
          }
          if (!claims.accounts?.includes(msg.accountId)) {
            call.write({ clientOrderId: msg.clientOrderId, state: "REJECTED", reason: "account_not_permitted" });
            return;
          }
          const pending = this.risk.check(
            { accountId: msg.accountId, symbol: msg.symbol, qty: msg.qty, limitPrice: msg.limitPrice },
            { deadline: call.getDeadline() },
            (err, res) => {
              inflight.delete(pending);
              if (err) {
                if (err.code !== grpc.status.CANCELLED) {
                  call.write({ clientOrderId: msg.clientOrderId, state: "ERROR", reason: err.details });
                }
                return;
              }
              call.write({
                clientOrderId: msg.clientOrderId,
                state: res!.approved ? "ACCEPTED" : "REJECTED",
                reason: res!.reason,
              });
            },
          );
          inflight.add(pending);
        });

        call.on("end", () => {
          dispose();
          call.end();
        });
      },
      (err: AuthError) => call.destroy(Object.assign(new Error(err.details), { code: err.code })),
    );
  }

  getQuote(call: grpc.ServerUnaryCall<QuoteRequest, Quote>, callback: grpc.sendUnaryData<Quote>): void {
    const t = this.bus.lastTick(call.request.symbol);
    if (!t) {
      callback({ code: grpc.status.NOT_FOUND, details: "unknown symbol" });
      return;
    }
    callback(null, { symbol: t.symbol, last: (t.bid + t.ask) / 2 });
  }
}
