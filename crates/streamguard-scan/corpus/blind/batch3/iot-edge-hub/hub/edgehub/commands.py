import asyncio
import time
import uuid
from collections import defaultdict

from .gen import hub_pb2


class CommandRouter:
    def __init__(self):
        self._queues: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self._pending: dict[str, dict[str, hub_pb2.Command]] = defaultdict(dict)

    def attach(self, device_id: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=256)
        for cmd in self._pending[device_id].values():
            q.put_nowait(cmd)
        self._queues[device_id].add(q)
        return q

    def detach(self, device_id: str, q: asyncio.Queue) -> None:
        self._queues[device_id].discard(q)

    def online(self, device_id: str) -> bool:
        return bool(self._queues.get(device_id))

    def send(self, device_id: str, name: str, payload: bytes) -> str:
        cmd = hub_pb2.Command(command_id=uuid.uuid4().hex, name=name, payload=payload, issued_ms=int(time.time() * 1000))
        self._pending[device_id][cmd.command_id] = cmd
        for q in self._queues.get(device_id, ()):
            q.put_nowait(cmd)
        return cmd.command_id

    def ack(self, device_id: str, command_id: str) -> bool:
        return self._pending[device_id].pop(command_id, None) is not None
