from __future__ import annotations

import asyncio

import aiohttp
import grpc

from notify import notifier_pb2, notifier_pb2_grpc
from notify.bus import Bus
from notify.interceptors import current_claims
from notify.webhooks import deliver


def _topics_of(claims: dict) -> set[str]:
    return set(claims.get("topics", []))


class NotifierService(notifier_pb2_grpc.NotifierServicer):
    def __init__(self, bus: Bus, http: aiohttp.ClientSession) -> None:
        self._bus = bus
        self._http = http
        self._acked: set[str] = set()

    async def Subscribe(self, request, context: grpc.aio.ServicerContext):
        claims = current_claims.get()
        allowed = _topics_of(claims)
        topics = [t for t in request.topics if t in allowed]
        if not topics:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "no permitted topics")
        async with self._bus.listen(context, topics) as queue:
            while True:
                ev = await queue.get()
                if ev.id in self._acked:
                    continue
                yield notifier_pb2.Notification(
                    id=ev.id, topic=ev.topic, title=ev.title, body=ev.body, created_ms=ev.created_ms
                )

    async def Publish(self, request_iterator, context: grpc.aio.ServicerContext):
        claims = current_claims.get()
        may_publish = set(claims.get("publish", []))
        published = rejected = 0
        async for req in request_iterator:
            if req.topic not in may_publish:
                rejected += 1
                continue
            ev = self._bus.publish(req.topic, req.title, req.body)
            if req.webhooks:
                payload = {"id": ev.id, "topic": ev.topic, "title": ev.title, "body": ev.body}
                await asyncio.gather(*(deliver(self._http, url, payload) for url in req.webhooks))
            published += 1
        return notifier_pb2.PublishSummary(published=published, rejected=rejected)

    async def Ack(self, request, context):
        self._acked.update(request.ids)
        return notifier_pb2.AckResponse()
