import json

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INTERNAL_ERROR = -32603
FORBIDDEN = -32003
RATE_LIMITED = -32029


def parse(raw: bytes) -> dict:
    msg = json.loads(raw)
    if not isinstance(msg, dict) or msg.get("jsonrpc") != "2.0":
        raise ValueError("not a JSON-RPC 2.0 message")
    return msg


def result(msg_id, value) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "result": value}).encode()


def error(msg_id, code: int, message: str, data=None) -> bytes:
    err = {"code": code, "message": message}
    if data is not None:
        err["data"] = data
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "error": err}).encode()
