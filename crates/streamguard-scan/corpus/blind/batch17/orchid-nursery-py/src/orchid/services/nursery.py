import csv
import io
import logging
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
import grpc
import psycopg

from .. import downstream, settings
from ..gen import nursery_pb2, nursery_pb2_grpc
from ..limits import GrowerLimiter
from ..session import require_role

log = logging.getLogger(__name__)

_archive_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="archive")
_s3 = boto3.client("s3")


def _archive_house(house_id: str, since: str) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    with psycopg.connect(settings.PG_DSN) as conn:
        for row in downstream.potting_cursor(conn, house_id, since):
            w.writerow(row)
    key = f"{house_id}/potting-{since}-{int(time.time())}.csv"
    _s3.put_object(Bucket=settings.ARCHIVE_BUCKET, Key=key, Body=buf.getvalue().encode())
    log.info("archived %s", key)


class NurseryServicer(nursery_pb2_grpc.NurseryServicer):
    def __init__(self):
        self.limiter = GrowerLimiter(settings.COMMANDS_PER_MINUTE)

    @require_role("benches:read")
    def WatchBench(self, request, context, session):
        if request.bench_id not in session.benches:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "bench not in token")
        while context.is_active():
            if not session.still_valid():
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            remaining = context.time_remaining()
            budget = 5.0 if remaining is None else min(remaining, 5.0)
            try:
                st = downstream.bench_state(request.bench_id, timeout=budget)
            except grpc.RpcError as exc:
                log.warning("climate controller: %s", exc.code())
            else:
                yield nursery_pb2.BenchClimate(bench_id=request.bench_id, rh_percent=st.rh_percent,
                                               leaf_temp_c=st.leaf_temp_c, ppfd=st.ppfd,
                                               at_unix_ms=int(time.time() * 1000))
            time.sleep(settings.BENCH_PERIOD_S)

    @require_role("benches:operate")
    def MistingSession(self, request_iterator, context, session):
        bench = None
        for cmd in request_iterator:
            if not session.still_valid():
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            if not self.limiter.allow(session.sub):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            kind = cmd.WhichOneof("cmd")
            if kind == "open":
                if cmd.open.bench_id not in session.benches:
                    yield nursery_pb2.GrowerAck(request_id=cmd.request_id, status="PERMISSION_DENIED",
                                                detail="bench not in token")
                    continue
                bench = cmd.open.bench_id
                yield nursery_pb2.GrowerAck(request_id=cmd.request_id, status="OK", detail=f"bench {bench} open")
                continue
            if bench is None:
                yield nursery_pb2.GrowerAck(request_id=cmd.request_id, status="FAILED_PRECONDITION",
                                            detail="open a bench first")
                continue
            if kind == "mist":
                res = downstream.open_valve(cmd.mist.bench_id, {"mist_seconds": cmd.mist.seconds})
            else:
                res = downstream.open_valve(cmd.feed.bench_id, {"recipe": cmd.feed.recipe, "ec": cmd.feed.ec})
            yield nursery_pb2.GrowerAck(request_id=cmd.request_id, status="OK", detail=res.get("job", ""))

    @require_role("potting:export")
    def ExportPotting(self, request, context, session):
        _archive_pool.submit(_archive_house, request.house_id, request.since)
        with psycopg.connect(settings.PG_DSN) as conn:
            for plant_id, genus, medium, potted_on in downstream.potting_cursor(conn, request.house_id,
                                                                                request.since):
                yield nursery_pb2.PottingRecord(plant_id=plant_id, genus=genus, medium=medium,
                                                potted_on=potted_on)
