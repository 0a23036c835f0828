import { EventEmitter } from "node:events";
import type { PriceTick } from "./generated/feed";

export class MarketBus extends EventEmitter {
  private readonly last = new Map<string, PriceTick>();

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  publish(tick: PriceTick): void {
    this.last.set(tick.symbol, tick);
    this.emit(`tick:${tick.symbol}`, tick);
  }

  lastTick(symbol: string): PriceTick | undefined {
    return this.last.get(symbol);
  }

  subscribe(symbols: string[], fn: (t: PriceTick) => void): () => void {
    for (const s of symbols) this.on(`tick:${s}`, fn);
    return () => {
      for (const s of symbols) this.off(`tick:${s}`, fn);
    };
  }
}
