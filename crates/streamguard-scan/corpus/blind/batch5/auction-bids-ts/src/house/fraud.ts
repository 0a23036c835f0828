// Fraud screening of a single bid by the risk team's HTTP service.
const RISK_URL = process.env.RISK_URL ?? "http://risk.internal:8080/v1/score-bid";

export async function screenBid(bid: { subject: string; lotId: string; amountCents: number }, signal: AbortSignal): Promise<boolean> {
  const res = await fetch(RISK_URL, { method: "POST", body: JSON.stringify(bid), headers: { "content-type": "application/json" }, signal });
  if (!res.ok) return false;
  const body = (await res.json()) as { allow: boolean };
  return body.allow;
}
