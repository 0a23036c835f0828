import json
import logging
import queue
import time
from concurrent.futures import ThreadPoolExecutor

import grpc
from google.protobuf import json_format

from . import jsonrpc, limits, resources, tools
from .auth import verify_bearer
from .mcp_pb2 import (
    CallToolResponse,
    JsonRpcFrame,
    ListToolsResponse,
    Progress,
    ResourceUpdate,
    Tool,
    ToolCallEvent,
)

log = logging.getLogger(__name__)

MAX_WATCH_SECONDS = 600
MIN_INTERVAL_MS = 250
MAX_INTERVAL_MS = 5000

_pool = ThreadPoolExecutor(max_workers=32, thread_name_prefix="tool")


def _to_response(out: dict) -> CallToolResponse:
    resp = CallToolResponse(is_error=bool(out.get("isError")))
    for c in out.get("content", []):
        resp.content.add(type=c["type"], text=c["text"])
    if "structuredContent" in out:
        resp.structured_content.update(out["structuredContent"])
    return resp


def list_tools(request, context):
    session = verify_bearer(context)
    return ListToolsResponse(
        tools=[Tool(name=t["name"]) for t in tools.describe() if session.allows(t["requiredScope"])]
    )


def call_tool(request, context):
    session = verify_bearer(context)
    fn, scope = tools.lookup(request.name)
    if not session.allows(scope):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
    return _to_response(fn(json_format.MessageToDict(request.arguments)))


def exchange(request_iterator, context):
    session = verify_bearer(context)
    for frame in request_iterator:
        session.check(context)
        try:
            msg = jsonrpc.parse(frame.json)
        except ValueError as exc:
            yield JsonRpcFrame(json=jsonrpc.error(None, jsonrpc.PARSE_ERROR, str(exc)))
            continue
        msg_id, method, params = msg.get("id"), msg.get("method"), msg.get("params") or {}

        if not limits.allow(session.sub):
            yield JsonRpcFrame(json=jsonrpc.error(msg_id, jsonrpc.RATE_LIMITED, "rate_limit_exceeded"))
            continue

        if method == "initialize":
            yield JsonRpcFrame(json=jsonrpc.result(msg_id, {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}, "resources": {}}}))
        elif method == "tools/list":
            yield JsonRpcFrame(json=jsonrpc.result(msg_id, {"tools": [t for t in tools.describe() if session.allows(t["requiredScope"])]}))
        elif method == "tools/call":
            try:
                fn, scope = tools.lookup(params.get("name", ""))
            except tools.UnknownTool:
                yield JsonRpcFrame(json=jsonrpc.error(msg_id, jsonrpc.METHOD_NOT_FOUND, "unknown tool"))
                continue
            if not session.allows(scope):
                yield JsonRpcFrame(json=jsonrpc.error(msg_id, jsonrpc.FORBIDDEN, "insufficient_scope", {"status": "PERMISSION_DENIED"}))
                continue
            fut = _pool.submit(fn, params.get("arguments") or {})
            context.add_callback(fut.cancel)
            try:
                yield JsonRpcFrame(json=jsonrpc.result(msg_id, fut.result()))
            except Exception as exc:  # noqa: BLE001
                yield JsonRpcFrame(json=jsonrpc.error(msg_id, jsonrpc.INTERNAL_ERROR, str(exc)))
        elif method == "resources/read":
            uri = params.get("uri", "")
            try:
                text = resources.read(uri)
            except resources.ResourceError as exc:
                yield JsonRpcFrame(json=jsonrpc.error(msg_id, jsonrpc.INVALID_REQUEST, str(exc)))
                continue
            yield JsonRpcFrame(json=jsonrpc.result(msg_id, {"contents": [{"uri": uri, "mimeType": "text/plain", "text": text}]}))
        elif msg_id is not None:
            yield JsonRpcFrame(json=jsonrpc.error(msg_id, jsonrpc.METHOD_NOT_FOUND, f"unknown method {method}"))


def call_tool_with_progress(request, context):
    session = verify_bearer(context)
    try:
        fn, scope = tools.lookup(request.name)
    except tools.UnknownTool:
        context.abort(grpc.StatusCode.NOT_FOUND, "unknown tool")
    if not session.allows(scope):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")

    updates: queue.Queue = queue.Queue()
    args = json_format.MessageToDict(request.arguments)
    fut = _pool.submit(fn, args, lambda p, t, m: updates.put(Progress(progress=p, total=t, message=m)))
    context.add_callback(fut.cancel)
    fut.add_done_callback(lambda _f: updates.put(None))

    while True:
        item = updates.get()
        if item is None:
            break
        yield ToolCallEvent(request_id=request.name, progress=item)
    try:
        yield ToolCallEvent(request_id=request.name, result=_to_response(fut.result()))
    except Exception as exc:  # noqa: BLE001
        context.abort(grpc.StatusCode.UNAVAILABLE, str(exc))


def watch_resource(request, context):
    session = verify_bearer(context)
    uri = request.uri
    if resources.owner_of(uri) != session.sub:
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "resource_not_owned")
    interval = min(max(request.interval_ms or 1000, MIN_INTERVAL_MS), MAX_INTERVAL_MS) / 1000.0
    opened = time.monotonic()
    seq = 0
    last = None
    while context.is_active():
        if time.monotonic() - opened > MAX_WATCH_SECONDS:
            context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        session.check(context)
        try:
            fp = resources.fingerprint(uri)
        except (resources.ResourceError, OSError):
            context.abort(grpc.StatusCode.NOT_FOUND, "resource vanished")
        if fp != last:
            last = fp
            seq += 1
            yield ResourceUpdate(seq=seq, uri=uri, unix_ms=int(time.time() * 1000), text=resources.read(uri))
        time.sleep(interval)
