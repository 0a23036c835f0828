import argparse
import logging
from concurrent import futures

import grpc

from stdio_bridge import mcp_jsonrpc_pb2_grpc
from stdio_bridge.bridge import JsonRpcBridge


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", default="[::]:50071")
    ap.add_argument("--jwt-secret-file", required=True)
    ap.add_argument("--scopes-file", default="/etc/mcp-bridge/scopes.json")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="MCP server command line")
    args = ap.parse_args()

    logging.basicConfig(level=logging.INFO)
    with open(args.jwt_secret_file, "rb") as fh:
        secret = fh.read().strip()

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    mcp_jsonrpc_pb2_grpc.add_McpJsonRpcServicer_to_server(JsonRpcBridge(secret, args.command, args.scopes_file), server)
    server.add_insecure_port(args.listen)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
