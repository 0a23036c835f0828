import logging
import os
from concurrent import futures

import grpc

from . import revocations, rpc
from .mcp_pb2 import (
    CallToolRequest,
    CallToolResponse,
    JsonRpcFrame,
    ListToolsRequest,
    ListToolsResponse,
    ResourceUpdate,
    ToolCallEvent,
    WatchResourceRequest,
)


def _handlers():
    mcp = grpc.method_handlers_generic_handler(
        "mcp.v1.Mcp",
        {
            "ListTools": grpc.unary_unary_rpc_method_handler(
                rpc.list_tools, ListToolsRequest.FromString, ListToolsResponse.SerializeToString
            ),
            "CallTool": grpc.unary_unary_rpc_method_handler(
                rpc.call_tool, CallToolRequest.FromString, CallToolResponse.SerializeToString
            ),
        },
    )
    streaming = grpc.method_handlers_generic_handler(
        "mcp.v1.McpStreaming",
        {
            "CallToolWithProgress": grpc.unary_stream_rpc_method_handler(
                rpc.call_tool_with_progress, CallToolRequest.FromString, ToolCallEvent.SerializeToString
            ),
            "WatchResource": grpc.unary_stream_rpc_method_handler(
                rpc.watch_resource, WatchResourceRequest.FromString, ResourceUpdate.SerializeToString
            ),
        },
    )
    carrier = grpc.method_handlers_generic_handler(
        "mcp.v1.McpJsonRpc",
        {
            "Exchange": grpc.stream_stream_rpc_method_handler(
                rpc.exchange, JsonRpcFrame.FromString, JsonRpcFrame.SerializeToString
            ),
        },
    )
    return (mcp, streaming, carrier)


def serve():
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    revocations.start()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=int(os.environ.get("MCP_WORKERS", "64"))),
        options=[("grpc.so_reuseport", 0)],
    )
    server.add_generic_rpc_handlers(_handlers())
    server.add_insecure_port(os.environ.get("MCP_LISTEN", "[::]:50051"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
