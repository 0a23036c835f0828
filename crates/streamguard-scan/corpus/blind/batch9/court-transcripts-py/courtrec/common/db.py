from __future__ import annotations

from psycopg_pool import ConnectionPool

from courtrec.common import config

pool = ConnectionPool(config.DATABASE_DSN, min_size=2, max_size=16, kwargs={"autocommit": True})


def hearing_row(hearing_id: str):
    with pool.connection() as conn:
        return conn.execute("SELECT hearing_id, case_no, room, status, courthouse, sealed FROM hearings WHERE hearing_id = %s",
                            (hearing_id,)).fetchone()


def reporter_assigned(reporter: str, hearing_id: str) -> bool:
    with pool.connection() as conn:
        row = conn.execute("SELECT 1 FROM assignments WHERE reporter = %s AND hearing_id = %s", (reporter, hearing_id)).fetchone()
        return row is not None
