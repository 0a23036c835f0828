from contextlib import contextmanager

from psycopg_pool import ConnectionPool

from . import settings

pool = ConnectionPool(settings.DATABASE_URL, min_size=1, max_size=16, open=False)


@contextmanager
def conn_for(context):
    """Connection whose statement_timeout is what remains of the caller's deadline."""
    remaining = context.time_remaining()
    timeout_s = settings.DEFAULT_DB_TIMEOUT_S if remaining is None else max(remaining, 0.001)
    with pool.connection() as conn:
        conn.execute(f"SET statement_timeout = {int(timeout_s * 1000)}")
        yield conn


def registered(conn, sale_id: str, buyer_no: str) -> bool:
    row = conn.execute("SELECT 1 FROM registrations WHERE sale_id = %s AND buyer_no = %s", (sale_id, buyer_no)).fetchone()
    return row is not None


def ring_state(conn, sale_id: str):
    return conn.execute(
        "SELECT lot_id, status, high_bid_cents, closed FROM ring_state WHERE sale_id = %s", (sale_id,)
    ).fetchone()


def place_bid(conn, lot_id: str, buyer_no: str, amount_cents: int) -> bool:
    cur = conn.execute(
        "UPDATE lots SET high_bid_cents = %s, high_bidder = %s WHERE lot_id = %s AND status = 'IN_RING' AND high_bid_cents < %s",
        (amount_cents, buyer_no, lot_id, amount_cents),
    )
    return cur.rowcount == 1


def store_ticket(conn, yard: str, t) -> bool:
    cur = conn.execute(
        "INSERT INTO weigh_tickets (ticket_no, pen_id, head, weight_kg) SELECT %s, %s, %s, %s "
        "WHERE EXISTS (SELECT 1 FROM pens WHERE pen_id = %s AND yard = %s) ON CONFLICT DO NOTHING",
        (t.ticket_no, t.pen_id, t.head, t.weight_kg, t.pen_id, yard),
    )
    return cur.rowcount == 1
