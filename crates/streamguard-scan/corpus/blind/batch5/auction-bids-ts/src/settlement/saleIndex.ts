import { readFile } from "node:fs/promises";

// Closed sales are exported nightly as JSON: { saleId: { buyer: [invoiceId...] } }.
const INDEX_FILE = process.env.SALE_INDEX ?? "/var/lib/settlement/sales.json";

export async function invoiceIdsForBuyer(saleId: string, buyer: string): Promise<string[]> {
  const index = JSON.parse(await readFile(INDEX_FILE, "utf8")) as Record<string, Record<string, string[]>>;
  return index[saleId]?.[buyer] ?? [];
}
