from collections import deque

import grpc

from cas.gen import cache_pb2, cache_pb2_grpc

MAX_PAGE = 1000


class TreesServicer(cache_pb2_grpc.TreesServicer):
    def __init__(self, metadata):
        self._metadata = metadata

    def GetTree(self, request, context):
        page_size = min(request.page_size or 200, MAX_PAGE)
        queue = deque([request.root_digest])
        seen = set()
        page = []
        while queue:
            digest = queue.popleft()
            if digest.hash in seen:
                continue
            seen.add(digest.hash)
            try:
                directory = self._metadata.resolve(request.instance_name, digest)
            except grpc.RpcError as err:
                context.abort(err.code(), f"resolving {digest.hash}: {err.details()}")
            page.append(directory)
            queue.extend(directory.children)
            if len(page) >= page_size:
                yield cache_pb2.TreePage(directories=page)
                page = []
        if page:
            yield cache_pb2.TreePage(directories=page)
