import asyncio
import logging
import time
import xml.etree.ElementTree as ET

import grpc

from ..gen import translate_pb2, translate_pb2_grpc
from . import acl, settings
from .auth import current_linguist
from .events import project_events
from .limits import PerLinguistWindow
from .memory import TranslationMemory
from .mt_engine import MtEngine
from .revocations import revocations

log = logging.getLogger(__name__)


class TranslationServicer(translate_pb2_grpc.TranslationServicer):
    def __init__(self, memory: TranslationMemory, engine: MtEngine) -> None:
        self._memory = memory
        self._engine = engine
        self._lookups = PerLinguistWindow(settings.LOOKUPS_PER_MINUTE)

    async def TranslateStream(self, request_iterator, context):
        who = current_linguist.get()
        authorized = False
        async for seg in request_iterator:
            if not authorized:
                # The CAT tool opens one stream per open project.
                await acl.require_project(context, who, seg.project_id)
                authorized = True
            try:
                glossary = await self._memory.glossary_of(seg.project_id)
                draft, score = await self._engine.translate(seg.text, seg.source_lang, seg.target_lang, glossary)
            except Exception as exc:  # noqa: BLE001 - reported per segment
                yield translate_pb2.TranslatedSegment(segment_id=seg.segment_id, error=str(exc))
                continue
            # Drafts go into TM straight away so that repetitions in the same
            # file get a 100% match; don't make the linguist wait for the write.
            asyncio.create_task(self._memory.store(seg.project_id, seg.source_lang, seg.target_lang, seg.text, draft, who.sub))
            yield translate_pb2.TranslatedSegment(segment_id=seg.segment_id, draft=draft, mt_score=score)

    async def FollowProject(self, request, context):
        who = current_linguist.get()
        await acl.require_project(context, who, request.project_id)
        try:
            async with asyncio.timeout(settings.FOLLOW_MAX_SECONDS):
                async for ev in project_events(request.project_id):
                    yield translate_pb2.ProjectEvent(
                        project_id=request.project_id,
                        kind=ev.get("kind", ""),
                        payload_json=ev.get("payload", "{}"),
                        unix_ms=int(ev.get("at", time.time() * 1000)),
                    )
        except TimeoutError:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")

    async def LookupMemory(self, request_iterator, context):
        who = current_linguist.get()
        async for q in request_iterator:
            if time.time() >= who.exp:
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
            if revocations.revoked(who.jti, who.sub):
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            if not self._lookups.allow(who.sub):
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            if not acl.may_read(who, q.project_id):
                yield translate_pb2.MemoryMatch(query_id=q.query_id, error="PERMISSION_DENIED")
                continue
            match = await self._memory.fuzzy(q.project_id, q.source_lang, q.target_lang, q.text, timeout=context.time_remaining())
            if match:
                yield translate_pb2.MemoryMatch(query_id=q.query_id, target=match[0], similarity=match[1])
            else:
                yield translate_pb2.MemoryMatch(query_id=q.query_id)

    async def ImportTmx(self, request_iterator, context):
        who = current_linguist.get()
        project_id, buf = None, bytearray()
        async for chunk in request_iterator:
            if project_id is None:
                project_id = chunk.project_id
                await acl.require_project(context, who, project_id)
            buf.extend(chunk.xml)
            if len(buf) > 512 * 1024 * 1024:
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "TMX larger than 512 MiB")
        units, skipped = [], 0
        for tu in ET.fromstring(bytes(buf)).iter("tu"):
            tuvs = tu.findall("tuv")
            if len(tuvs) != 2:
                skipped += 1
                continue
            (sl, st), (tl, tt) = [(t.get("{http://www.w3.org/XML/1998/namespace}lang"), t.findtext("seg") or "") for t in tuvs]
            units.append((sl, tl, st, tt))
            if len(units) > settings.MAX_TMX_UNITS:
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "more than 500,000 units")
        await self._memory.import_units(project_id, units)
        return translate_pb2.ImportSummary(units=len(units), skipped=skipped)
