"""UploadWebcam: snapshots go to the frame store, a few at a time."""

from __future__ import annotations

import grpc
import requests

from proctor import settings
from proctor.gen import proctor_pb2

_http = requests.Session()


def _remaining(context, default: float = 10.0) -> float:
    left = context.time_remaining()
    return default if left is None else max(left, 0.001)


def run_upload_webcam(request_iterator, context, claims):
    frames = 0
    exam = None
    for frame in request_iterator:
        if exam is None:
            if frame.exam_id not in claims.get("exams", []):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "not registered for this exam")
            exam = frame.exam_id
        frames += 1
        if frames > settings.MAX_FRAMES:
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "frame budget exhausted")
        resp = _http.put(
            f"{settings.FRAME_STORE_URL}/{exam}/{claims['sub']}/{frame.unix_ms}.jpg",
            data=frame.jpeg,
            headers={"content-type": "image/jpeg"},
            timeout=_remaining(context),
        )
        if resp.status_code >= 300:
            context.abort(grpc.StatusCode.UNAVAILABLE, f"frame store answered {resp.status_code}")
    return proctor_pb2.UploadAck(frames=frames)
