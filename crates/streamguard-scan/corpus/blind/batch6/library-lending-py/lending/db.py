"""Postgres access for hold-shelf and loan queries."""
from __future__ import annotations

import os
from contextlib import contextmanager

from psycopg_pool import ConnectionPool

_pool = ConnectionPool(os.environ.get("LENDING_DSN", "postgresql://lending@db.riverside.internal/lending"), min_size=2, max_size=16)


@contextmanager
def cursor(timeout_s: float | None):
    """A cursor whose statements stop after ``timeout_s`` (the caller's remaining time)."""
    with _pool.connection() as conn:
        with conn.cursor() as cur:
            if timeout_s is not None:
                cur.execute("SELECT set_config('statement_timeout', %s, true)", (str(max(1, int(timeout_s * 1000))),))
            yield cur


def new_holds(branch_id: str, after_id: int, timeout_s: float | None):
    with cursor(timeout_s) as cur:
        cur.execute(
            "SELECT id, hold_id, title, patron_initials, shelf_slot, extract(epoch from arrived_at)::bigint"
            " FROM hold_shelf WHERE branch_id = %s AND id > %s ORDER BY id LIMIT 100",
            (branch_id, after_id),
        )
        return cur.fetchall()


def loans_since(branch_id: str, since: str, timeout_s: float | None):
    with cursor(timeout_s) as cur:
        cur.execute(
            "SELECT loan_id, item_barcode, checked_out::text, due::text, coalesce(returned::text, '')"
            " FROM loans WHERE branch_id = %s AND checked_out >= %s ORDER BY checked_out",
            (branch_id, since),
        )
        yield from cur


def overdue_loans(branch_ids: list[str], timeout_s: float | None = None):
    with cursor(timeout_s) as cur:
        cur.execute(
            "SELECT loan_id, patron_id, title, (current_date - due)::int FROM loans"
            " WHERE returned IS NULL AND due < current_date AND branch_id = ANY(%s) AND notified_on IS DISTINCT FROM current_date",
            (branch_ids,),
        )
        return cur.fetchall()


def mark_notified(loan_id: str) -> None:
    with cursor(5.0) as cur:
        cur.execute("UPDATE loans SET notified_on = current_date WHERE loan_id = %s", (loan_id,))
