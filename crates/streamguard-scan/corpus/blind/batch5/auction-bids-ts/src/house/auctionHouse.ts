import * as grpc from "@grpc/grpc-js";
import type { AuctionHouseServer, BidCommand, BidEvent, CatalogItem, LotUpdate, UploadSummary, WatchLotRequest } from "../generated/auction.js";
import { BidderSession } from "../shared/bidderSession.js";
import { Floor } from "./floor.js";
import { screenBid } from "./fraud.js";

const MAX_CATALOG_LOTS = 5000;

export class AuctionHouse implements AuctionHouseServer {
  [name: string]: grpc.UntypedHandleCall;

  constructor(private readonly floor: Floor) {}

  bidStream = async (call: grpc.ServerDuplexStream<BidCommand, BidEvent>): Promise<void> => {
    const session = await BidderSession.open(call);
    if (!session) return;
    let joinedSale: string | null = null;
    let paddle = "";

    for await (const cmd of call) {
      if (cmd.join) {
        // Registration: the paddle must be one of the token's paddles for this sale.
        const allowed = session.claims.paddles ?? [];
        if (!allowed.includes(`${cmd.saleId}/${cmd.join.paddle}`)) {
          call.write({ commandId: cmd.commandId, lotId: "", status: "PERMISSION_DENIED", highBidCents: 0, message: "paddle not registered for sale" });
          continue;
        }
        joinedSale = cmd.saleId;
        paddle = cmd.join.paddle;
        call.write({ commandId: cmd.commandId, lotId: "", status: "JOINED", highBidCents: 0, message: joinedSale });
        continue;
      }
      if (!joinedSale) {
        call.write({ commandId: cmd.commandId, lotId: cmd.lotId, status: "FAILED_PRECONDITION", highBidCents: 0, message: "join first" });
        continue;
      }
      if (cmd.bid) {
        const allow = await screenBid(
          { subject: session.subject, lotId: cmd.lotId, amountCents: cmd.bid.amountCents },
          AbortSignal.any([session.signal, AbortSignal.timeout(2000)]),
        ).catch(() => false);
        if (!allow) {
          call.write({ commandId: cmd.commandId, lotId: cmd.lotId, status: "REJECTED", highBidCents: 0, message: "risk" });
          continue;
        }
        const r = this.floor.placeBid(cmd.lotId, paddle, cmd.bid.amountCents);
        call.write({ commandId: cmd.commandId, lotId: cmd.lotId, status: r.ok ? "ACCEPTED" : "REJECTED", highBidCents: r.state?.highBidCents ?? 0, message: r.reason ?? "" });
      } else if (cmd.withdraw) {
        const ok = this.floor.withdraw(cmd.lotId, paddle);
        call.write({ commandId: cmd.commandId, lotId: cmd.lotId, status: ok ? "WITHDRAWN" : "REJECTED", highBidCents: 0, message: "" });
      }
    }
    session.close();
    call.end();
  };

  watchLot = async (call: grpc.ServerWritableStream<WatchLotRequest, LotUpdate>): Promise<void> => {
    const session = await BidderSession.open(call);
    if (!session) return;
    const { lotId } = call.request;
    const lot = this.floor.get(lotId);
    if (!lot || lot.saleId !== call.request.saleId) {
      session.end(grpc.status.NOT_FOUND, `no lot ${lotId} in sale ${call.request.saleId}`);
      return;
    }
    const push = (s: { lotId: string; highBidCents: number; closesAtMs: number; bidCount: number }) =>
      call.write({ lotId: s.lotId, highBidCents: s.highBidCents, closesAtMs: s.closesAtMs, bidCount: s.bidCount });
    push(lot);
    const unsubscribe = this.floor.subscribe(lotId, push);
    session.signal.addEventListener("abort", unsubscribe, { once: true });
  };

  uploadCatalog = async (call: grpc.ServerReadableStream<CatalogItem, UploadSummary>, callback: grpc.sendUnaryData<UploadSummary>): Promise<void> => {
    const session = await BidderSession.open(call);
    if (!session) return;
    if (!(session.claims.scope ?? "").split(" ").includes("catalog:write")) {
      session.end(grpc.status.PERMISSION_DENIED, "insufficient_scope");
      return;
    }
    let lots = 0;
    for await (const item of call) {
      if (++lots > MAX_CATALOG_LOTS) {
        session.end(grpc.status.RESOURCE_EXHAUSTED, `catalog larger than ${MAX_CATALOG_LOTS} lots`);
        return;
      }
      this.floor.upsert({ lotId: item.lotId, saleId: item.saleId, highBidCents: item.reserveCents, closesAtMs: Number.MAX_SAFE_INTEGER, bidCount: 0 });
    }
    session.close();
    callback(null, { lots });
  };
}
