import os
import re

import grpc

from cas.gen import cache_pb2, cache_pb2_grpc

CHUNK = 1 << 20
READ_RE = re.compile(r"^(?:(?P<instance>.+)/)?blobs/(?P<hash>[0-9a-f]{64})/(?P<size>\d+)$")
WRITE_RE = re.compile(r"^(?:(?P<instance>.+)/)?uploads/(?P<uuid>[0-9a-f-]{36})/blobs/(?P<hash>[0-9a-f]{64})/(?P<size>\d+)$")


class ByteStreamServicer(cache_pb2_grpc.ByteStreamServicer):
    def __init__(self, store):
        self._store = store

    def Read(self, request, context):
        m = READ_RE.match(request.resource_name)
        if not m:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "bad resource name")
        size = int(m["size"])
        if request.read_offset < 0 or request.read_offset > size:
            context.abort(grpc.StatusCode.OUT_OF_RANGE, "offset out of range")
        remaining = size - request.read_offset
        if request.read_limit:
            remaining = min(remaining, request.read_limit)
        try:
            fh = self._store.open_read(m["hash"])
        except FileNotFoundError:
            context.abort(grpc.StatusCode.NOT_FOUND, "blob not found")
        with fh:
            fh.seek(request.read_offset)
            while remaining > 0:
                data = fh.read(min(CHUNK, remaining))
                if not data:
                    break
                remaining -= len(data)
                yield cache_pb2.ReadResponse(data=data)

    def Write(self, request_iterator, context):
        out, tmp = self._store.begin_write()
        resource = None
        written = 0
        try:
            for req in request_iterator:
                if resource is None:
                    m = WRITE_RE.match(req.resource_name)
                    if not m:
                        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "bad resource name")
                    resource = req.resource_name
                    expected_hash, expected_size = m["hash"], int(m["size"])
                elif req.resource_name and req.resource_name != resource:
                    context.abort(grpc.StatusCode.INVALID_ARGUMENT, "resource_name may not change within a write")
                if req.write_offset != written:
                    context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"expected offset {written}")
                out.write(req.data)
                written += len(req.data)
                if written > expected_size:
                    context.abort(grpc.StatusCode.INVALID_ARGUMENT, "more data than declared")
                if req.finish_write:
                    break
            out.close()
            committed = self._store.commit(tmp, expected_hash, expected_size)
            return cache_pb2.WriteResponse(committed_size=committed)
        except ValueError as exc:
            context.abort(grpc.StatusCode.DATA_LOSS, str(exc))
        finally:
            if not out.closed:
                out.close()
            if os.path.exists(tmp):
                os.unlink(tmp)
