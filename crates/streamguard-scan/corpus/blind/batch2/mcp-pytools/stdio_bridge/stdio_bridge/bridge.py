import json
import logging

import grpc
import jwt

from stdio_bridge import mcp_jsonrpc_pb2, mcp_jsonrpc_pb2_grpc
from stdio_bridge.proc import StdioServer

log = logging.getLogger(__name__)


def _frame(obj: dict) -> mcp_jsonrpc_pb2.JsonRpcFrame:
    return mcp_jsonrpc_pb2.JsonRpcFrame(json=json.dumps(obj).encode())


class JsonRpcBridge(mcp_jsonrpc_pb2_grpc.McpJsonRpcServicer):
    def __init__(self, secret: bytes, command: list[str], scopes_file: str):
        self._secret = secret
        self._command = command
        with open(scopes_file) as fh:
            self._tool_scopes: dict[str, str] = json.load(fh)

    def _claims(self, context) -> dict:
        md = dict(context.invocation_metadata())
        token = md.get("authorization", "").removeprefix("Bearer ")
        try:
            return jwt.decode(token, self._secret, algorithms=["HS256"], audience="mcp-bridge")
        except jwt.PyJWTError:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid token")

    def Exchange(self, request_iterator, context):
        claims = self._claims(context)
        granted = set(claims.get("scope", "").split())
        proc = StdioServer(self._command)
        context.add_callback(proc.kill)
        authorized = False
        try:
            for frame in request_iterator:
                try:
                    msg = json.loads(frame.json)
                except ValueError:
                    yield _frame({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
                    continue

                if msg.get("method") == "tools/call" and not authorized:
                    tool = msg.get("params", {}).get("name", "")
                    needed = self._tool_scopes.get(tool)
                    if needed is None or needed not in granted:
                        yield _frame({"jsonrpc": "2.0", "id": msg.get("id"), "error": {"code": -32003, "message": "insufficient_scope"}})
                        continue
                    authorized = True

                reply = proc.request(msg)
                if reply is not None:
                    yield _frame(reply)
        finally:
            proc.kill()
