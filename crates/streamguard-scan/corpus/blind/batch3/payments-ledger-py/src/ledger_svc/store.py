import logging
import queue
import threading
from collections import defaultdict
from dataclasses import dataclass

import redis
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)


@dataclass
class Txn:
    txn_id: str
    account_id: str
    amount_minor: int
    currency: str
    counterparty: str
    booked_ms: int


class TransactionFeed:
    """A single consumer of the booking stream, fanned out to subscribers in-process."""

    def __init__(self, redis_url, stream="ledger:bookings"):
        self._redis = redis.Redis.from_url(redis_url)
        self._stream = stream
        self._lock = threading.Lock()
        self._subs = defaultdict(set)
        self._thread = threading.Thread(target=self._run, name="txn-feed", daemon=True)

    def start(self):
        self._thread.start()

    def subscribe(self, account_id):
        q = queue.Queue(maxsize=1000)
        with self._lock:
            self._subs[account_id].add(q)
        return q

    def unsubscribe(self, account_id, q):
        with self._lock:
            self._subs[account_id].discard(q)
            if not self._subs[account_id]:
                del self._subs[account_id]

    def _run(self):
        last_id = "$"
        while True:
            try:
                entries = self._redis.xread({self._stream: last_id}, block=5000, count=500)
            except redis.RedisError:
                log.exception("booking stream read failed")
                continue
            for _stream, items in entries or []:
                for entry_id, fields in items:
                    last_id = entry_id
                    txn = Txn(
                        txn_id=fields[b"txn_id"].decode(),
                        account_id=fields[b"account_id"].decode(),
                        amount_minor=int(fields[b"amount_minor"]),
                        currency=fields[b"currency"].decode(),
                        counterparty=fields[b"counterparty"].decode(),
                        booked_ms=int(fields[b"booked_ms"]),
                    )
                    with self._lock:
                        targets = list(self._subs.get(txn.account_id, ()))
                    for q in targets:
                        try:
                            q.put_nowait(txn)
                        except queue.Full:
                            log.warning("subscriber for %s is lagging; dropping", txn.account_id)


class Ledger:
    def __init__(self, database_url):
        self._pool = ConnectionPool(database_url, min_size=2, max_size=20, open=True)

    def balance(self, account_id, timeout_s=None):
        with self._pool.connection() as conn, conn.transaction():
            if timeout_s is not None:
                conn.execute("SET LOCAL statement_timeout = %s", (max(1, int(timeout_s * 1000)),))
            row = conn.execute(
                "SELECT balance_minor, currency FROM balances WHERE account_id = %s", (account_id,)
            ).fetchone()
        return row

    def statements(self, account_id, limit, timeout_s, register_cancel):
        with self._pool.connection() as conn:
            register_cancel(conn.cancel)
            with conn.transaction():
                if timeout_s is not None:
                    conn.execute("SET LOCAL statement_timeout = %s", (max(1, int(timeout_s * 1000)),))
                rows = conn.execute(
                    "SELECT statement_id, period, closing_minor FROM statements "
                    "WHERE account_id = %s ORDER BY period DESC LIMIT %s",
                    (account_id, limit),
                ).fetchall()
        return rows

    def post_payment(self, instruction, submitter):
        with self._pool.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO payments (idempotency_key, from_account, to_iban, amount_minor, currency, reference, submitter) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (idempotency_key) DO NOTHING",
                (
                    instruction.idempotency_key,
                    instruction.from_account,
                    instruction.to_iban,
                    instruction.amount_minor,
                    instruction.currency,
                    instruction.reference,
                    submitter,
                ),
            )
