"""Run state is written by the instrument control software into the LIMS database."""
import os

import psycopg

_DSN = os.environ.get("SEQD_DSN", "postgresql://seqd@db/lims")


def run_project(run_id: str) -> str | None:
    with psycopg.connect(_DSN, connect_timeout=3) as conn:
        row = conn.execute("SELECT project_id FROM runs WHERE id = %s", (run_id,)).fetchone()
    return row[0] if row else None


def events_since(run_id: str, after_cycle: int) -> list[tuple[int, str, float]]:
    with psycopg.connect(_DSN, connect_timeout=3) as conn:
        return conn.execute(
            "SELECT cycle, state, q30 FROM run_cycles WHERE run_id = %s AND cycle > %s ORDER BY cycle",
            (run_id, after_cycle),
        ).fetchall()
