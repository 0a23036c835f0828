import json
import logging
from concurrent.futures import ThreadPoolExecutor

import boto3
import grpc
import psycopg

from cavemaster import config
from cavemaster.pb import cave_pb2
from cavemaster.security import require_role

log = logging.getLogger(__name__)
_s3 = boto3.client("s3")
_archiver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="archive")


def _archive(batch_id, records):
    body = json.dumps(records).encode()
    _s3.put_object(Bucket=config.ARCHIVE_BUCKET, Key=f"exports/{batch_id}.json", Body=body)
    log.info("archived export of %s (%d wheels)", batch_id, len(records))


class ExportHandlers:
    @require_role("cave:read")
    def ExportBatch(self, request, context, claims):
        left = context.time_remaining()
        ms = 30_000 if left is None else max(1, int(left * 1000))
        with psycopg.connect(config.PG_DSN) as conn:
            conn.execute(f"SET statement_timeout = {ms}")
            owner = conn.execute("SELECT coop_member FROM batches WHERE batch_id = %s", (request.batch_id,)).fetchone()
            if owner is None or owner[0] not in claims.get("members", []):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "batch not yours")
            rows = conn.execute(
                "SELECT wheel_id, age_days, grade, events FROM wheels WHERE batch_id = %s ORDER BY wheel_id",
                (request.batch_id,),
            ).fetchall()
        records = [dict(wheel_id=w, age_days=a, grade=g, events=e) for (w, a, g, e) in rows]
        _archiver.submit(_archive, request.batch_id, records)
        for r in records:
            yield cave_pb2.WheelRecord(batch_id=request.batch_id, **r)
