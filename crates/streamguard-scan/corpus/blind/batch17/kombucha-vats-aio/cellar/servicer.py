import asyncio
import time

import aiohttp
import asyncpg
import grpc

from . import settings
from .gen import cellar_pb2, cellar_pb2_grpc, pumps_pb2, pumps_pb2_grpc
from .limits import allow
from .session import open_vat_session


def remaining(context, default: float) -> float:
    left = context.time_remaining()
    return default if left is None else max(0.0, left)


class CellarServicer(cellar_pb2_grpc.CellarServicer):
    def __init__(self, db: asyncpg.Pool, pumps: pumps_pb2_grpc.PumpsStub, http: aiohttp.ClientSession):
        self.db = db
        self.pumps = pumps
        self.http = http

    async def WatchVat(self, request, context):
        async with open_vat_session(context) as session:
            if not session.may("vats:read", request.vat_id):
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
            while True:
                row = await self.db.fetchrow(
                    "SELECT ph, brix, temp_c FROM vat_readings WHERE vat_id = $1 ORDER BY at DESC LIMIT 1",
                    request.vat_id, timeout=min(remaining(context, 5.0), 5.0))
                if row:
                    yield cellar_pb2.VatReading(vat_id=request.vat_id, ph=row["ph"], brix=row["brix"],
                                                temp_c=row["temp_c"], at_unix_ms=int(time.time() * 1000))
                await asyncio.sleep(10)

    async def CellarConsole(self, request_iterator, context):
        async with open_vat_session(context) as session:
            async for cmd in request_iterator:
                if not session.may("pumps:operate", cmd.vat_id):
                    yield cellar_pb2.CellarAck(request_id=cmd.request_id, status="PERMISSION_DENIED",
                                               detail="insufficient_scope")
                    continue
                if not await allow(session.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                reply = await self.pumps.Transfer(
                    pumps_pb2.TransferRequest(vat_id=cmd.vat_id, pump=cmd.pump, litres=cmd.litres,
                                              operator=session.sub),
                    timeout=settings.PUMP_TIMEOUT_S,
                )
                yield cellar_pb2.CellarAck(request_id=cmd.request_id, status="OK", detail=reply.job_id)

    async def UploadRecipe(self, request_iterator, context):
        async with open_vat_session(context) as session:
            if "recipes:write" not in session.scopes:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
            recipe_id, body = None, bytearray()
            async for chunk in request_iterator:
                recipe_id = recipe_id or chunk.recipe_id
                body.extend(chunk.body)
                if len(body) > 1 << 20:
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "recipe too large")
            async with self.http.put(f"{settings.RECIPES_URL}/recipes/{recipe_id}", data=bytes(body),
                                     timeout=aiohttp.ClientTimeout(total=remaining(context, 10.0))) as resp:
                resp.raise_for_status()
            return cellar_pb2.RecipeStored(recipe_id=recipe_id, bytes=len(body))
