import json
import subprocess
import threading


class StdioServer:
    """One MCP server subprocess speaking newline-delimited JSON-RPC on stdin/stdout."""

    def __init__(self, argv: list[str]):
        self._p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self._lock = threading.Lock()

    def request(self, message: dict) -> dict | None:
        with self._lock:
            self._p.stdin.write(json.dumps(message) + "\n")
            self._p.stdin.flush()
            if "id" not in message:
                return None
            while True:
                line = self._p.stdout.readline()
                if not line:
                    raise EOFError("MCP server exited")
                reply = json.loads(line)
                if reply.get("id") == message["id"]:
                    return reply

    def kill(self) -> None:
        if self._p.poll() is None:
            self._p.kill()
            self._p.wait(timeout=5)
