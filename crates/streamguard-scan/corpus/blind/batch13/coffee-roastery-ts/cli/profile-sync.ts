// profile-sync: pushes roast profiles exported from Artisan into the PLC
// gateway's profile store. Run by the head roaster after cupping.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const gateway = process.env.PLC_GATEWAY ?? "http://plc-gw.roastery.lan:8080";

async function pushProfile(file: string): Promise<void> {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const res = await fetch(`${gateway}/profiles/${encodeURIComponent(profile.title)}`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${process.env.ROAST_TOKEN ?? ""}` },
    body: JSON.stringify(profile),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${file}: ${res.status}`);
}

async function main(dir: string): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith(".alog.json"));
  for (const f of files) {
    await pushProfile(path.join(dir, f));
    console.log(`synced ${f}`);
  }
}

main(process.argv[2] ?? ".").catch((e) => {
  console.error(e);
  process.exit(1);
});
