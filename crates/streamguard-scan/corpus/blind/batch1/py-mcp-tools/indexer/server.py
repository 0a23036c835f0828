from __future__ import annotations

import logging
import os
import threading
import time
from concurrent import futures

import grpc

from indexer import es, index_pb2, index_pb2_grpc

log = logging.getLogger("indexer")


class IndexerService(index_pb2_grpc.IndexerServicer):
    def __init__(self) -> None:
        self._pool = futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="es-put")
        self._lock = threading.Lock()
        self._failed = 0
        self._done = 0

    def _put(self, doc: index_pb2.Document) -> None:
        try:
            es.put_document(doc.id, {"title": doc.title, "body": doc.body, "tags": list(doc.tags)})
            with self._lock:
                self._done += 1
        except Exception:
            log.exception("indexing %s failed", doc.id)
            with self._lock:
                self._failed += 1

    def Reindex(self, request_iterator, context):
        submitted = []
        for doc in request_iterator:
            submitted.append(self._pool.submit(self._put, doc))
        futures.wait(submitted)
        with self._lock:
            failed, self._failed = self._failed, 0
        return index_pb2.ReindexSummary(submitted=len(submitted), failed=failed)

    def Progress(self, request, context):
        steps = min(request.steps or 10, 100)
        for i in range(steps):
            with self._lock:
                done = self._done
            yield index_pb2.ProgressEvent(step=i + 1, of=steps, docs=done)
            time.sleep(0.5)


def serve() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    index_pb2_grpc.add_IndexerServicer_to_server(IndexerService(), server)
    server.add_insecure_port(os.environ.get("INDEXER_LISTEN", "[::]:50071"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
