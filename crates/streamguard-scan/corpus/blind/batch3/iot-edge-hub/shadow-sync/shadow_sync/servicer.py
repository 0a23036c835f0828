import threading

import grpc
from google.protobuf import struct_pb2

from .gen import shadow_pb2, shadow_pb2_grpc


def _diff(desired: dict, reported: dict) -> dict:
    return {k: v for k, v in desired.items() if reported.get(k) != v}


class ShadowStore:
    def __init__(self):
        self._lock = threading.Lock()
        self._docs = {}

    def get(self, name):
        with self._lock:
            return self._docs.get(name, {"version": 0, "reported": {}, "desired": {}})

    def put(self, name, doc):
        with self._lock:
            self._docs[name] = doc


def _struct(d: dict) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(d)
    return s


class ShadowServicer(shadow_pb2_grpc.ShadowServiceServicer):
    def __init__(self, store: ShadowStore, bus):
        self._store = store
        self._bus = bus

    def _to_proto(self, name, doc):
        return shadow_pb2.Shadow(
            thing_name=name, version=doc["version"], reported=_struct(doc["reported"]), desired=_struct(doc["desired"])
        )

    def GetShadow(self, request, context):
        return self._to_proto(request.thing_name, self._store.get(request.thing_name))

    def UpdateShadow(self, request, context):
        doc = dict(self._store.get(request.thing_name))
        if request.expected_version and request.expected_version != doc["version"]:
            context.abort(grpc.StatusCode.ABORTED, "version conflict")
        doc["desired"] = {**doc["desired"], **dict(request.desired)}
        doc["version"] += 1
        self._store.put(request.thing_name, doc)
        delta = _diff(doc["desired"], doc["reported"])
        if delta:
            self._bus.publish(
                request.thing_name,
                shadow_pb2.ShadowDelta(thing_name=request.thing_name, version=doc["version"], delta=_struct(delta)),
            )
        return self._to_proto(request.thing_name, doc)

    def WatchShadow(self, request, context):
        sub = self._bus.subscribe(request.thing_name)
        context.add_callback(sub.close)
        doc = self._store.get(request.thing_name)
        pending = _diff(doc["desired"], doc["reported"])
        if pending:
            yield shadow_pb2.ShadowDelta(thing_name=request.thing_name, version=doc["version"], delta=_struct(pending))
        for delta in sub:
            yield delta

    def SyncShadows(self, request_iterator, context):
        for incoming in request_iterator:
            doc = dict(self._store.get(incoming.thing_name))
            doc["reported"] = {**doc["reported"], **dict(incoming.reported)}
            doc["version"] += 1
            self._store.put(incoming.thing_name, doc)
            yield self._to_proto(incoming.thing_name, doc)
