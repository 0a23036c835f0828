// Escalation to the on-call brewer's pager.
export async function escalate(tankId, reason) {
  const res = await fetch(process.env.PAGER_URL ?? 'http://pager.internal/v1/alerts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'tank-bridge', tankId, reason }),
  });
  if (!res.ok) throw new Error(`pager ${res.status}`);
}
