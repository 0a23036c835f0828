"""Aeration servicer: the operator console holds one FanControl stream
per shift."""
from __future__ import annotations

import time

import grpc

from aeration import modbus_client
from silo_monitor.auth import principal
from silo_monitor.gen import silo_pb2, silo_pb2_grpc


class TokenBucket:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class AerationService(silo_pb2_grpc.AerationServicer):
    async def FanControl(self, request_iterator, context):
        p = principal()
        if "aeration:operate" not in p.scopes:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
        bucket = TokenBucket(rate=2.0, burst=10)
        authorized = False
        async for cmd in request_iterator:
            if not authorized:
                if cmd.silo_id not in p.silos:
                    await context.abort(grpc.StatusCode.PERMISSION_DENIED, "silo not assigned")
                authorized = True
            if not bucket.take():
                yield silo_pb2.FanState(silo_id=cmd.silo_id, fan=cmd.fan, on=cmd.on, error="slow down")
                continue
            try:
                await modbus_client.set_fan(cmd.silo_id, cmd.fan, cmd.on, cmd.speed_pct)
            except Exception as exc:  # noqa: BLE001 - report to the console
                yield silo_pb2.FanState(silo_id=cmd.silo_id, fan=cmd.fan, on=not cmd.on, error=str(exc))
                continue
            yield silo_pb2.FanState(silo_id=cmd.silo_id, fan=cmd.fan, on=cmd.on)
