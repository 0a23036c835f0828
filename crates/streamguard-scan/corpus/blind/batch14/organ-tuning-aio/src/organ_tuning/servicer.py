import asyncio
import logging

import grpc

from . import config, downstream
from .gen import tuning_pb2, tuning_pb2_grpc
from .limits import VoicerLimiter
from .rigkeys import rig_for_key
from .session import open_session

log = logging.getLogger(__name__)
limiter = VoicerLimiter(config.COMMANDS_PER_MINUTE)


class TuningServicer(tuning_pb2_grpc.TuningServicer):
    async def TuningSession(self, request_iterator, context):
        async with open_session(context, scope="tuning:adjust") as voicer:
            async for cmd in request_iterator:
                if cmd.organ_id not in voicer.organs:
                    yield tuning_pb2.TuneResult(request_id=cmd.request_id, status="PERMISSION_DENIED")
                    continue
                if not await limiter.allow(voicer.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                res = await downstream.measure(cmd.organ_id, cmd.stop, cmd.midi_note, cmd.target_cents,
                                               cmd.temperament, timeout=context.time_remaining())
                yield tuning_pb2.TuneResult(request_id=cmd.request_id, measured_hz=res.hz,
                                            deviation_cents=res.deviation_cents, status="OK")

    async def WatchPitch(self, request, context):
        async with open_session(context, scope="tuning:read") as voicer:
            if request.organ_id not in voicer.organs:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "organ not assigned")
            while True:
                rows = await downstream.latest_pitch(request.organ_id, request.stop)
                for r in rows:
                    yield tuning_pb2.PitchSample(midi_note=r["midi_note"], hz=r["hz"],
                                                 deviation_cents=r["deviation_cents"],
                                                 wind_pressure_mmwc=r["wind_mmwc"], temperature_c=r["temp_c"])
                await asyncio.sleep(1.0)

    async def StreamRigTelemetry(self, request_iterator, context):
        md = dict(context.invocation_metadata())
        rig_id = rig_for_key(md.get("x-rig-key", ""))
        if rig_id is None:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "unknown rig key")
        frames = 0
        async for frame in request_iterator:
            if frame.rig_id != rig_id:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "frame from another rig")
            frames += 1
            if frames > config.RIG_FRAMES_PER_STREAM:
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many frames on this stream")
            await downstream.record_frame(rig_id, frame)
            if frame.spectrum:
                # spectra are large; the rig must not wait for the archive
                asyncio.create_task(downstream.archive_spectrum(rig_id, frame.midi_note, frame.spectrum))
        return tuning_pb2.RigSummary(frames=frames)
