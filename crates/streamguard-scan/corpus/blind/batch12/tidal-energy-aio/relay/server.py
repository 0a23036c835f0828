import json
import logging
import os
import queue
import threading
from concurrent import futures

import grpc
from kafka import KafkaProducer

from gen import relay_pb2, relay_pb2_grpc
from relay.keys import ApiKeyInterceptor, key_entry, load_keys

LISTEN = os.environ.get("RELAY_LISTEN", "[::]:50052")
KAFKA = os.environ.get("RELAY_KAFKA", "kafka.substation:9092")

log = logging.getLogger("relay")


class Fanout:
    """In-process fan-out of the latest frames per turbine to watchers."""

    def __init__(self):
        self._lock = threading.Lock()
        self._subs: dict[str, list[queue.Queue]] = {}

    def publish(self, frame):
        with self._lock:
            for q in self._subs.get(frame.turbine_id, []):
                if q.qsize() < 100:
                    q.put(frame)

    def subscribe(self, turbine_id):
        q = queue.Queue()
        with self._lock:
            self._subs.setdefault(turbine_id, []).append(q)
        return q

    def unsubscribe(self, turbine_id, q):
        with self._lock:
            self._subs[turbine_id].remove(q)


class TurbineRelay(relay_pb2_grpc.TurbineRelayServicer):
    def __init__(self, keys, producer, fanout):
        self._keys = keys
        self._producer = producer
        self._fanout = fanout

    def StreamTelemetry(self, request_iterator, context):
        entry = key_entry(self._keys, context)
        if entry["role"] != "turbine":
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "turbine key required")
        n = 0
        for frame in request_iterator:
            self._producer.send(f"telemetry.{entry['site']}", key=frame.turbine_id.encode(),
                                value=frame.SerializeToString())
            self._fanout.publish(frame)
            n += 1
        return relay_pb2.RelaySummary(frames=n)

    def WatchTurbine(self, request, context):
        entry = key_entry(self._keys, context)
        if not request.turbine_id.startswith(entry["site"] + "/"):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "turbine of another site")
        q = self._fanout.subscribe(request.turbine_id)
        try:
            while context.is_active():
                try:
                    yield q.get(timeout=1.0)
                except queue.Empty:
                    continue
        finally:
            self._fanout.unsubscribe(request.turbine_id, q)


def main():
    logging.basicConfig(level=logging.INFO)
    keys = load_keys()
    producer = KafkaProducer(bootstrap_servers=KAFKA, linger_ms=20)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        interceptors=[ApiKeyInterceptor(keys)],
        options=[("grpc.keepalive_time_ms", 10_000), ("grpc.keepalive_timeout_ms", 5_000)],
    )
    relay_pb2_grpc.add_TurbineRelayServicer_to_server(TurbineRelay(keys, producer, Fanout()), server)
    server.add_insecure_port(LISTEN)
    server.start()
    log.info("relay on %s", LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
