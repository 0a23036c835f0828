import asyncpg

from . import settings


class TranslationMemory:
    def __init__(self) -> None:
        self._pool: asyncpg.Pool | None = None

    async def start(self) -> None:
        self._pool = await asyncpg.create_pool(settings.DATABASE_DSN, min_size=2, max_size=20)

    async def store(self, project_id: str, source_lang: str, target_lang: str, source: str, target: str, author: str) -> None:
        async with self._pool.acquire() as conn:
            await conn.execute(
                """INSERT INTO tm_units (project_id, source_lang, target_lang, source, target, author)
                   VALUES ($1, $2, $3, $4, $5, $6)
                   ON CONFLICT (project_id, source_lang, target_lang, source) DO UPDATE SET target = EXCLUDED.target""",
                project_id, source_lang, target_lang, source, target, author,
            )

    async def fuzzy(self, project_id: str, source_lang: str, target_lang: str, text: str, timeout: float | None) -> tuple[str, float] | None:
        async with self._pool.acquire() as conn:
            row = await conn.fetchrow(
                """SELECT target, similarity(source, $4) AS sim FROM tm_units
                   WHERE project_id = $1 AND source_lang = $2 AND target_lang = $3 AND source % $4
                   ORDER BY sim DESC LIMIT 1""",
                project_id, source_lang, target_lang, text,
                timeout=timeout,
            )
        return (row["target"], float(row["sim"])) if row else None

    async def glossary_of(self, project_id: str) -> str:
        async with self._pool.acquire() as conn:
            return await conn.fetchval("SELECT glossary_id FROM projects WHERE id = $1", project_id) or ""

    async def import_units(self, project_id: str, units: list[tuple[str, str, str, str]]) -> None:
        async with self._pool.acquire() as conn:
            await conn.executemany(
                "INSERT INTO tm_units (project_id, source_lang, target_lang, source, target, author) VALUES ($1, $2, $3, $4, $5, 'tmx') ON CONFLICT DO NOTHING",
                [(project_id, *u) for u in units],
            )
