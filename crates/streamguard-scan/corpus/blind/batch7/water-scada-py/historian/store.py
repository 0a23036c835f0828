from __future__ import annotations

import os

from psycopg_pool import ConnectionPool

pool = ConnectionPool(os.environ.get("HISTORIAN_DSN", "postgresql://historian@tsdb/historian"), min_size=1, max_size=16)


def newer_than(tags: list[str], after_ms: int, timeout_ms: int):
    with pool.connection() as conn:
        conn.execute(f"SET LOCAL statement_timeout = {int(timeout_ms)}")
        return conn.execute(
            "SELECT tag, value, extract(epoch FROM ts) * 1000, quality FROM tag_values"
            " WHERE tag = ANY(%s) AND ts > to_timestamp(%s / 1000.0) ORDER BY ts LIMIT 5000",
            (tags, after_ms),
        ).fetchall()


def between(tags: list[str], from_ms: int, to_ms: int, timeout_ms: int):
    with pool.connection() as conn:
        conn.execute(f"SET LOCAL statement_timeout = {int(timeout_ms)}")
        with conn.cursor(name="replay") as cur:
            cur.execute(
                "SELECT tag, value, extract(epoch FROM ts) * 1000, quality FROM tag_values"
                " WHERE tag = ANY(%s) AND ts BETWEEN to_timestamp(%s / 1000.0) AND to_timestamp(%s / 1000.0) ORDER BY ts",
                (tags, from_ms, to_ms),
            )
            yield from cur
