"""WatchCandidates: flags for one exam room, pushed to a proctor console."""

from __future__ import annotations

import queue

import grpc

from proctor.flags import bus
from proctor.revocation import RevocationSet, still_valid


def run_watch_candidates(request, context, claims, revoked: RevocationSet):
    room = request.room_id
    if room.split(":")[0] not in claims.get("exams", []):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "not proctoring this exam")
    q = bus.subscribe(room)
    try:
        while context.is_active():
            if not still_valid(claims, revoked):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            try:
                flag = q.get(timeout=1.0)
            except queue.Empty:
                continue
            if not still_valid(claims, revoked):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            yield flag
    finally:
        bus.unsubscribe(room, q)
