import asyncio
import json


class Hotlist:
    """Stolen / wanted plates, mirrored from the police feed; hits fan out on NATS."""

    def __init__(self, nc) -> None:
        self._nc = nc
        self._plates: dict[tuple[str, str], str] = {}

    async def load(self, rows) -> None:
        self._plates = {(r["plate"], r["region"]): r["reason"] for r in rows}

    async def check(self, plate: str, region: str) -> bool:
        return (plate, region) in self._plates

    async def publish_hit(self, plate: str, gantry_id: str, at: int) -> None:
        corridor = gantry_id.split("-")[0]
        await self._nc.publish(f"tolling.hits.{corridor}", json.dumps({"plate": plate, "gantry": gantry_id, "at": at, "reason": "hotlist"}).encode())

    async def subscribe(self, corridors, queue: asyncio.Queue):
        subs = []
        for c in corridors:
            async def cb(msg):
                try:
                    queue.put_nowait(json.loads(msg.data))
                except asyncio.QueueFull:
                    pass
            subs.append(await self._nc.subscribe(f"tolling.hits.{c}", cb=cb))

        async def unsubscribe():
            for s in subs:
                await s.unsubscribe()
        return unsubscribe
