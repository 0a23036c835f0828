from __future__ import annotations

import queue
import threading
from collections import defaultdict

from psycopg_pool import ConnectionPool


class AlertStore:
    def __init__(self, dsn: str) -> None:
        self._pool = ConnectionPool(dsn, min_size=1, max_size=8)
        self._subs: dict[str, set[queue.Queue]] = defaultdict(set)
        self._lock = threading.Lock()

    def subscribe(self, teams) -> queue.Queue:
        q: queue.Queue = queue.Queue(maxsize=500)
        with self._lock:
            for t in teams:
                self._subs[t].add(q)
        return q

    def unsubscribe(self, teams, q) -> None:
        with self._lock:
            for t in teams:
                self._subs[t].discard(q)

    def publish(self, alert) -> None:
        with self._lock:
            targets = list(self._subs.get(alert.team, ()))
        for q in targets:
            try:
                q.put_nowait(alert)
            except queue.Full:
                pass

    def export(self, team: str, since: int, statement_timeout_ms: int):
        with self._pool.connection() as conn:
            conn.execute(f"SET LOCAL statement_timeout = {int(statement_timeout_ms)}")
            yield from conn.execute(
                "SELECT id, team, severity, summary, fired_unix FROM alerts WHERE team = %s AND fired_unix >= %s ORDER BY fired_unix LIMIT 10000",
                (team, since),
            )

    def ack(self, alert_id: str, by: str, note: str) -> None:
        with self._pool.connection() as conn:
            conn.execute("UPDATE alerts SET acked_by = %s, ack_note = %s WHERE id = %s", (by, note, alert_id))
