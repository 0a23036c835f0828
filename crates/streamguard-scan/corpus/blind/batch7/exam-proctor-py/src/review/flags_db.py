"""Reads new proctoring flags from the review database."""

from __future__ import annotations

import os
import queue
import threading
import time

import psycopg

DSN = os.environ.get("REVIEW_DSN", "postgresql://review@reviewdb/review")
POLL_S = 5.0


def tail_flags(exam_id: str, out: queue.Queue, deadline: float | None) -> threading.Thread:
    """Starts a thread that polls for flags newer than the last one seen and puts them on `out`.
    Each query is bounded by what is left of `deadline` (monotonic), or 5 s without one."""

    def run():
        last_id = 0
        with psycopg.connect(DSN, autocommit=True) as conn:
            while True:
                left_ms = 5000 if deadline is None else int(max(deadline - time.monotonic(), 0.001) * 1000)
                conn.execute(f"SET statement_timeout = {left_ms}")
                rows = conn.execute(
                    "SELECT id, exam_id, candidate, reason, extract(epoch FROM raised_at) * 1000"
                    "  FROM flags WHERE exam_id = %s AND id > %s AND resolved_at IS NULL ORDER BY id",
                    (exam_id, last_id),
                ).fetchall()
                for row in rows:
                    last_id = max(last_id, row[0])
                    out.put(row)
                time.sleep(POLL_S)

    t = threading.Thread(target=run, name=f"tail-{exam_id}", daemon=True)
    t.start()
    return t


def resolve(flag_id: int, verdict: str, reviewer: str) -> bool:
    with psycopg.connect(DSN, autocommit=True) as conn:
        cur = conn.execute(
            "UPDATE flags SET resolved_at = now(), verdict = %s, reviewer = %s WHERE id = %s AND resolved_at IS NULL",
            (verdict, reviewer, flag_id),
        )
        return cur.rowcount == 1
