import logging

import grpc

from ...gen import review_pb2
from .. import acl
from ..auth import principal
from ..clients import docstore
from ..session import ReviewerSession

log = logging.getLogger(__name__)


def review_session(limiter, request_iterator, context):
    session = ReviewerSession(principal(context), context)
    reviewer = session.principal.sub
    for action in request_iterator:
        session.check()
        if not limiter.allow(reviewer):
            yield review_pb2.ReviewEvent(request_id=action.request_id, status="RESOURCE_EXHAUSTED", message="rate_limit_exceeded")
            continue
        if not acl.can_review(session.principal, action.matter_id, action.kind):
            yield review_pb2.ReviewEvent(request_id=action.request_id, status="PERMISSION_DENIED", message="insufficient_scope")
            continue
        try:
            if action.kind == "redact":
                docstore.ApplyRedaction(
                    review_pb2.ApplyRedactionRequest(matter_id=action.matter_id, doc_id=action.doc_id, redaction_json=action.redaction_json, reviewer=reviewer),
                    timeout=session.remaining(),
                )
            else:
                docstore.ApplyTag(
                    review_pb2.ApplyTagRequest(matter_id=action.matter_id, doc_id=action.doc_id, tag=action.tag or action.kind, reviewer=reviewer),
                    timeout=session.remaining(),
                )
        except grpc.RpcError as exc:
            log.warning("docstore %s: %s", exc.code(), exc.details())
            yield review_pb2.ReviewEvent(request_id=action.request_id, status="UNAVAILABLE", message=str(exc.details()))
            continue
        yield review_pb2.ReviewEvent(request_id=action.request_id, status="OK")
