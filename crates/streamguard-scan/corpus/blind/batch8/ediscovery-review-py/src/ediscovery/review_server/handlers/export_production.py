import logging
from concurrent.futures import ThreadPoolExecutor

import grpc
import psycopg

from ...gen import review_pb2
from .. import acl
from ..auth import principal
from ..clients import renderer
from ..config import settings

log = logging.getLogger(__name__)
_render_pool = ThreadPoolExecutor(max_workers=settings.render_workers, thread_name_prefix="render")


def _production_docs(matter_id: str, production_id: str) -> list[str]:
    with psycopg.connect(settings.database_url) as conn:
        rows = conn.execute(
            "SELECT doc_id FROM production_docs WHERE matter_id = %s AND production_id = %s ORDER BY bates_seq",
            (matter_id, production_id),
        ).fetchall()
    return [r[0] for r in rows]


def _render(matter_id: str, production_id: str, doc_id: str, timeout: float) -> review_pb2.ProductionChunk:
    reply = renderer.RenderPdf(
        review_pb2.RenderPdfRequest(matter_id=matter_id, doc_id=doc_id, production_id=production_id),
        timeout=timeout,
    )
    return review_pb2.ProductionChunk(doc_id=doc_id, bates_number=reply.bates_number, pdf=reply.pdf)


def export_production(request, context):
    p = principal(context)
    if not acl.can_produce(p, request.matter_id):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "production role required on this matter")
    docs = _production_docs(request.matter_id, request.production_id)
    remaining = context.time_remaining()
    per_doc = 120.0 if remaining is None else max(1.0, remaining)
    # Render ahead in parallel and stream in Bates order.
    futures = [_render_pool.submit(_render, request.matter_id, request.production_id, d, per_doc) for d in docs]
    for fut in futures:
        try:
            yield fut.result()
        except grpc.RpcError as exc:
            log.error("render failed: %s", exc.details())
            context.abort(grpc.StatusCode.UNAVAILABLE, f"renderer: {exc.details()}")
