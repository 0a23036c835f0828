"""Drive the Exchange carrier with N concurrent agents."""
import argparse
import json
import threading
import time

import grpc

from mcp_tools.mcp_pb2 import JsonRpcFrame


def agent(target, token, calls, results, idx):
    channel = grpc.insecure_channel(target)
    method = channel.stream_stream(
        "/mcp.v1.McpJsonRpc/Exchange",
        request_serializer=JsonRpcFrame.SerializeToString,
        response_deserializer=JsonRpcFrame.FromString,
    )

    def frames():
        yield JsonRpcFrame(json=json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize"}).encode())
        for i in range(calls):
            yield JsonRpcFrame(
                json=json.dumps(
                    {"jsonrpc": "2.0", "id": i + 1, "method": "tools/call", "params": {"name": "sql_query", "arguments": {"sql": "select 1"}}}
                ).encode()
            )

    started = time.perf_counter()
    n = sum(1 for _ in method(frames(), metadata=(("authorization", f"Bearer {token}"),)))
    results[idx] = (n, time.perf_counter() - started)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--target", default="127.0.0.1:50051")
    p.add_argument("--token", required=True)
    p.add_argument("--agents", type=int, default=8)
    p.add_argument("--calls", type=int, default=100)
    a = p.parse_args()
    results = [None] * a.agents
    threads = [threading.Thread(target=agent, args=(a.target, a.token, a.calls, results, i)) for i in range(a.agents)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(r[0] for r in results)
    slowest = max(r[1] for r in results)
    print(f"{total} replies, slowest agent {slowest:.2f}s")


if __name__ == "__main__":
    main()
