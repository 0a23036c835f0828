from __future__ import annotations

import os

import grpc

from toolserver import mcp_pb2_grpc

TOOL_SCOPES = {
    "echo": "tools:basic",
    "search_docs": "docs:read",
    "read_file": "files:read",
    "write_file": "files:write",
    "run_python": "exec:python",
}


def required_scope(tool: str) -> str | None:
    return TOOL_SCOPES.get(tool)


def executor_stub() -> mcp_pb2_grpc.ExecutorStub:
    channel = grpc.insecure_channel(
        os.environ.get("EXECUTOR_TARGET", "executor:7000"),
        options=[("grpc.enable_retries", 1), ("grpc.keepalive_time_ms", 30000)],
    )
    return mcp_pb2_grpc.ExecutorStub(channel)
