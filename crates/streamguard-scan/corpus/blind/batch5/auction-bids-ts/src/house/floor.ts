// In-memory state of the sale floor; one process owns a sale.
export interface LotState { lotId: string; saleId: string; highBidCents: number; highPaddle?: string; closesAtMs: number; bidCount: number; }

export class Floor {
  private readonly lots = new Map<string, LotState>();
  private readonly listeners = new Map<string, Set<(s: LotState) => void>>();

  upsert(lot: LotState): void { this.lots.set(lot.lotId, lot); this.emit(lot); }
  get(lotId: string): LotState | undefined { return this.lots.get(lotId); }

  placeBid(lotId: string, paddle: string, amountCents: number): { ok: boolean; reason?: string; state?: LotState } {
    const lot = this.lots.get(lotId);
    if (!lot) return { ok: false, reason: "unknown lot" };
    if (Date.now() > lot.closesAtMs) return { ok: false, reason: "lot closed" };
    if (amountCents <= lot.highBidCents) return { ok: false, reason: "below current bid" };
    lot.highBidCents = amountCents;
    lot.highPaddle = paddle;
    lot.bidCount++;
    this.emit(lot);
    return { ok: true, state: lot };
  }

  withdraw(lotId: string, paddle: string): boolean {
    const lot = this.lots.get(lotId);
    return !!lot && lot.highPaddle === paddle && Date.now() < lot.closesAtMs;
  }

  subscribe(lotId: string, fn: (s: LotState) => void): () => void {
    let set = this.listeners.get(lotId);
    if (!set) { set = new Set(); this.listeners.set(lotId, set); }
    set.add(fn);
    return () => set!.delete(fn);
  }

  private emit(lot: LotState): void { this.listeners.get(lot.lotId)?.forEach((fn) => fn(lot)); }
}
