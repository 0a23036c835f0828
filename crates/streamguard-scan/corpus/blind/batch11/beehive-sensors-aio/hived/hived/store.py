import asyncpg


class HiveStore:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    @classmethod
    async def connect(cls, dsn: str) -> "HiveStore":
        return cls(await asyncpg.create_pool(dsn, min_size=2, max_size=20))

    async def apiary_of(self, hive_id: str) -> str | None:
        return await self.pool.fetchval("select apiary_id from hives where id = $1", hive_id)

    async def insert_reading(self, r, *, timeout: float | None) -> None:
        await self.pool.execute(
            "insert into readings (hive_id, weight_kg, brood_temp_c, humidity, hum_hz, at)"
            " values ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0))",
            r.hive_id, r.weight_kg, r.brood_temp_c, r.humidity, r.hum_hz, r.unix_ms,
            timeout=timeout,
        )

    async def snapshot(self, apiary_id: str):
        return await self.pool.fetch(
            "select distinct on (r.hive_id) r.hive_id, r.weight_kg, r.brood_temp_c, r.hum_hz"
            " from readings r join hives h on h.id = r.hive_id where h.apiary_id = $1"
            " order by r.hive_id, r.at desc",
            apiary_id,
        )

    async def inspections(self, hive_id: str, *, timeout: float | None):
        return await self.pool.fetch(
            "select hive_id, inspector, notes, queen_seen, extract(epoch from at) * 1000 as ms"
            " from inspections where hive_id = $1 order by at",
            hive_id,
            timeout=timeout,
        )
