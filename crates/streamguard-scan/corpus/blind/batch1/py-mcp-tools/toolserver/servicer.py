from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import grpc

from toolserver import auth, mcp_pb2, mcp_pb2_grpc
from toolserver.executor import executor_stub, required_scope

log = logging.getLogger(__name__)

RESOURCE_ROOT = Path(os.environ.get("MCP_RESOURCE_ROOT", "/srv/mcp/resources"))


def _denied(request_id: str, message: str) -> mcp_pb2.ToolCallEvent:
    return mcp_pb2.ToolCallEvent(
        request_id=request_id,
        error=mcp_pb2.ToolError(code=grpc.StatusCode.PERMISSION_DENIED.value[0], status="PERMISSION_DENIED", message=message),
    )


class ToolStreamingServicer(mcp_pb2_grpc.McpStreamingServicer):
    def __init__(self, executor: mcp_pb2_grpc.ExecutorStub | None = None):
        self._executor = executor or executor_stub()

    def StreamToolCalls(self, request_iterator, context):
        who = auth.principal(context)
        for call in request_iterator:
            scope = required_scope(call.name)
            if scope is None or scope not in who.scopes:
                yield _denied(call.request_id, "insufficient_scope")
                continue
            if call.resource_uri and not call.resource_uri.startswith(f"res://{who.sub}/"):
                yield _denied(call.request_id, "resource_not_owned")
                continue
            future = self._executor.Run.future(
                mcp_pb2.CallToolRequest(name=call.name, arguments=call.arguments),
                timeout=context.time_remaining(),
            )
            context.add_callback(future.cancel)
            try:
                result = future.result()
            except grpc.FutureCancelledError:
                return
            except grpc.RpcError as err:
                yield mcp_pb2.ToolCallEvent(
                    request_id=call.request_id,
                    error=mcp_pb2.ToolError(code=err.code().value[0], status=err.code().name, message=err.details() or ""),
                )
                continue
            yield mcp_pb2.ToolCallEvent(request_id=call.request_id, result=result)

    def CallToolWithProgress(self, request, context):
        who = auth.principal(context)
        scope = required_scope(request.name)
        if scope is None or scope not in who.scopes:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
        updates = self._executor.RunWithProgress(request, timeout=300)
        context.add_callback(updates.cancel)
        for progress in updates:
            yield mcp_pb2.ToolCallEvent(progress=progress)

    def UploadToolInput(self, request_iterator, context):
        who = auth.principal(context)
        name = None
        data = bytearray()
        for chunk in request_iterator:
            name = name or chunk.name
            data.extend(chunk.data)
            if len(data) > 32 * 1024 * 1024:
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "input too large")
            if chunk.last:
                break
        scope = required_scope(name or "")
        if scope is None or scope not in who.scopes:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
        request = mcp_pb2.CallToolRequest(name=name)
        request.arguments.update({"input": data.decode("utf-8", errors="replace")})
        return self._executor.Run(request, timeout=context.time_remaining())

    def WatchResource(self, request, context):
        who = auth.principal(context)
        if not request.uri.startswith(f"res://{who.sub}/"):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "resource_not_owned")
        path = RESOURCE_ROOT / request.uri.removeprefix("res://")
        interval = max(request.interval_ms, 250) / 1000.0
        seq = 0
        last_mtime = None
        while context.is_active():
            try:
                mtime = path.stat().st_mtime_ns
            except FileNotFoundError:
                mtime = None
            if mtime != last_mtime and mtime is not None:
                last_mtime = mtime
                seq += 1
                yield mcp_pb2.ResourceUpdate(
                    seq=seq,
                    uri=request.uri,
                    unix_ms=int(time.time() * 1000),
                    text=path.read_text(errors="replace"),
                )
            time.sleep(interval)
