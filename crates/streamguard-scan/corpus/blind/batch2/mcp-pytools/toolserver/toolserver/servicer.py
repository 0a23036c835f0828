import logging
import os
import threading
import time

import grpc
from google.protobuf import json_format

from toolserver import executor_pb2, executor_pb2_grpc, mcp_pb2, mcp_pb2_grpc
from toolserver import policy
from toolserver.auth import bind_session

log = logging.getLogger(__name__)

MIN_INTERVAL_S = 0.25
MAX_INTERVAL_S = 5.0


def _error_event(request_id: str, reason: str, status: str = "PERMISSION_DENIED", code: int = 7):
    return mcp_pb2.ToolCallEvent(request_id=request_id, error=mcp_pb2.ToolError(code=code, status=status, message=reason))


class _Inflight:
    def __init__(self):
        self._futures = set()
        self._lock = threading.Lock()

    def add(self, fut):
        with self._lock:
            self._futures.add(fut)
        fut.add_done_callback(self._discard)
        return fut

    def _discard(self, fut):
        with self._lock:
            self._futures.discard(fut)

    def cancel_all(self):
        with self._lock:
            futs = list(self._futures)
        for f in futs:
            f.cancel()


class McpStreamingServicer(mcp_pb2_grpc.McpStreamingServicer):
    def __init__(self, authn, revocations, executor_channel, resource_root):
        self._authn = authn
        self._revocations = revocations
        self._exec = executor_pb2_grpc.ExecutorStub(executor_channel)
        self._root = resource_root

    def CallToolWithProgress(self, request, context):
        principal = self._authn.authenticate(context)
        bind_session(context, principal, self._revocations)
        denied = policy.check(principal, request.name)
        if denied:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, denied)

        run = self._exec.Run(
            executor_pb2.RunRequest(tool=request.name, arguments=request.arguments, subject=principal.sub),
            timeout=context.time_remaining(),
        )
        context.add_callback(run.cancel)
        for ev in run:
            if ev.HasField("progress"):
                yield mcp_pb2.ToolCallEvent(progress=mcp_pb2.Progress(progress=ev.progress.done, total=ev.progress.total))
            elif ev.HasField("result"):
                yield mcp_pb2.ToolCallEvent(result=json_format.ParseDict(json_format.MessageToDict(ev.result), mcp_pb2.CallToolResponse()))

    def StreamToolCalls(self, request_iterator, context):
        principal = self._authn.authenticate(context)
        bind_session(context, principal, self._revocations)
        inflight = _Inflight()
        context.add_callback(inflight.cancel_all)

        for call in request_iterator:
            denied = policy.check(principal, call.name, call.resource_uri)
            if denied:
                yield _error_event(call.request_id, denied)
                continue
            fut = inflight.add(
                self._exec.Invoke.future(
                    executor_pb2.InvokeRequest(tool=call.name, arguments=call.arguments, resource_uri=call.resource_uri),
                    timeout=context.time_remaining(),
                )
            )
            try:
                res = fut.result()
            except grpc.FutureCancelledError:
                return
            except grpc.RpcError as err:
                yield _error_event(call.request_id, err.details() or "executor error", status=err.code().name, code=err.code().value[0])
                continue
            yield mcp_pb2.ToolCallEvent(request_id=call.request_id, result=res.response)

    def UploadToolInput(self, request_iterator, context):
        principal = self._authn.authenticate(context)
        bind_session(context, principal, self._revocations)
        tool = None
        parts = []
        for chunk in request_iterator:
            if tool is None:
                denied = policy.check(principal, chunk.name)
                if denied:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, denied)
                tool = chunk.name
            elif chunk.name and chunk.name != tool:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "tool changed mid-upload")
            parts.append(chunk.data)
            if chunk.last:
                break

        fut = self._exec.Invoke.future(
            executor_pb2.InvokeRequest(tool=tool, raw_input=b"".join(parts)),
            timeout=context.time_remaining(),
        )
        context.add_callback(fut.cancel)
        return fut.result().response

    def WatchResource(self, request, context):
        principal = self._authn.authenticate(context)
        denied = policy.check(principal, "fs.read", request.uri)
        if denied:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, denied)

        path = os.path.join(self._root, request.uri.removeprefix(f"res://{principal.sub}/"))
        interval = min(MAX_INTERVAL_S, max(MIN_INTERVAL_S, (request.interval_ms or 1000) / 1000))
        stop = threading.Event()
        context.add_callback(stop.set)
        seq = 0
        last_mtime = None

        while not stop.is_set():
            if time.time() > principal.exp:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
            if self._revocations.is_revoked(principal):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            try:
                st = os.stat(path)
            except FileNotFoundError:
                st = None
            mtime = st.st_mtime_ns if st else None
            if mtime != last_mtime:
                last_mtime = mtime
                seq += 1
                text = ""
                if st:
                    with open(path, encoding="utf-8", errors="replace") as fh:
                        text = fh.read(1 << 20)
                yield mcp_pb2.ResourceUpdate(seq=seq, uri=request.uri, unix_ms=int(time.time() * 1000), text=text)
            stop.wait(interval)
