from functools import partial

import grpc

from ..gen import review_pb2, review_pb2_grpc
from .auth import principal
from .config import settings
from .handlers.export_production import export_production
from .handlers.review_session import review_session
from .handlers.upload_load_file import upload_load_file
from .handlers.watch_batch import watch_batch
from .limiter import ReviewerLimiter


class ReviewServicer(review_pb2_grpc.ReviewServicer):
    def __init__(self) -> None:
        self._limiter = ReviewerLimiter(settings.actions_per_minute)

    def GetDocument(self, request, context):
        p = principal(context)
        if request.matter_id not in p.matters:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not staffed on this matter")
        return review_pb2.Document(doc_id=request.doc_id)

    def ReviewSession(self, request_iterator, context):
        return review_session(self._limiter, request_iterator, context)

    WatchBatch = staticmethod(watch_batch)
    ExportProduction = staticmethod(export_production)
    UploadLoadFile = staticmethod(upload_load_file)
