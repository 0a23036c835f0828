import * as grpc from "@grpc/grpc-js";
import { AuctionHouseService } from "../generated/auction.js";
import { AuctionHouse } from "./auctionHouse.js";
import { Floor } from "./floor.js";

const server = new grpc.Server({
  "grpc.max_connection_age_ms": 30 * 60 * 1000,
  "grpc.max_connection_age_grace_ms": 10_000,
  "grpc.keepalive_time_ms": 20_000,
});
server.addService(AuctionHouseService, new AuctionHouse(new Floor()));

const addr = process.env.HOUSE_ADDR ?? "0.0.0.0:7443";
server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) {
    console.error(`cannot bind ${addr}: ${err.message}`);
    process.exit(1);
  }
  console.log(`auction house on ${addr}`);
});
