import csv
import io
import logging

import boto3
from psycopg_pool import ConnectionPool

from . import settings

log = logging.getLogger(__name__)
pool = ConnectionPool(settings.PG_DSN, min_size=1, max_size=6, open=False)
s3 = boto3.client("s3")


def fetch_flush(room_id: str, flush: int):
    with pool.connection() as conn:
        conn.execute("SET statement_timeout = '60s'")
        cur = conn.execute(
            "SELECT picker, kg, grade, extract(epoch from picked_at) * 1000 "
            "FROM picks WHERE room_id = %s AND flush = %s ORDER BY picked_at",
            (room_id, flush),
        )
        return cur.fetchall()


def archive_csv(room_id: str, flush: int, rows) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["picker", "kg", "grade", "unix_ms"])
    w.writerows(rows)
    key = f"{room_id}/flush-{flush}.csv"
    s3.put_object(Bucket=settings.ARCHIVE_BUCKET, Key=key, Body=buf.getvalue().encode())
    log.info("archived %s", key)
