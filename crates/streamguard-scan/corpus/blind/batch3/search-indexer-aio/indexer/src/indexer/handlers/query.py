import grpc

from ..deps.es import SearchBackend
from ..gen import search_pb2, search_pb2_grpc
from ..interceptors import current_claims
from ..settings import Settings

PAGE = 50


def _hit(h: dict) -> search_pb2.SearchHit:
    src = h["_source"]
    return search_pb2.SearchHit(doc_id=h["_id"], title=src.get("title", ""), url=src.get("url", ""), score=h["_score"])


class SearchQueryService(search_pb2_grpc.SearchQueryServicer):
    def __init__(self, es: SearchBackend, settings: Settings):
        self._es = es
        self._settings = settings

    def _check_index(self, index: str) -> bool:
        return index in current_claims().get("indices", ())

    async def Search(self, request, context):
        if not self._check_index(request.index):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "index not allowed")
        hits = await self._es.search(
            request.index, request.query, 0, min(request.limit or 10, 100), timeout=self._settings.es_search_timeout_s
        )
        return search_pb2.SearchResponse(hits=[_hit(h) for h in hits["hits"]], total=hits["total"]["value"])

    async def SearchStream(self, request, context):
        if not self._check_index(request.index):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "index not allowed")
        wanted = min(request.limit or 500, 5000)
        offset = 0
        while offset < wanted:
            page = await self._es.search(
                request.index, request.query, offset, min(PAGE, wanted - offset), timeout=self._settings.es_search_timeout_s
            )
            hits = page["hits"]
            if not hits:
                return
            for h in hits:
                yield _hit(h)
            offset += len(hits)
