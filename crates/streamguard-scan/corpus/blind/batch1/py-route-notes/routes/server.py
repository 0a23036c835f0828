from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from concurrent import futures

import grpc

from routes import places as geo
from routes import routes_pb2, routes_pb2_grpc

log = logging.getLogger("routes")


class RoutesService(routes_pb2_grpc.RoutesServicer):
    def __init__(self, places: list[routes_pb2.Place]) -> None:
        self._places = places
        self._notes: dict[tuple[int, int], list[routes_pb2.Note]] = defaultdict(list)
        self._lock = threading.Lock()
        self._open_streams: dict[object, int] = {}

    def GetPlace(self, request, context):
        place = geo.place_at(self._places, request)
        return place or routes_pb2.Place(name="", location=request)

    def ListPlaces(self, request, context):
        for place in self._places:
            if geo.inside(request, place.location):
                yield place

    def RecordTrip(self, request_iterator, context):
        points = places = 0
        distance = 0.0
        prev = None
        started = time.monotonic()
        for point in request_iterator:
            points += 1
            if geo.place_at(self._places, point):
                places += 1
            if prev is not None:
                distance += geo.distance_m(prev, point)
            prev = point
        return routes_pb2.TripSummary(
            point_count=points,
            place_count=places,
            distance_m=int(distance),
            elapsed_s=int(time.monotonic() - started),
        )

    def ShareNotes(self, request_iterator, context):
        with self._lock:
            self._open_streams[context] = 0
        try:
            for note in request_iterator:
                key = (note.location.latitude, note.location.longitude)
                with self._lock:
                    earlier = list(self._notes[key])
                    self._notes[key].append(note)
                    self._open_streams[context] += 1
                for prior in earlier:
                    yield prior
        finally:
            with self._lock:
                count = self._open_streams.pop(context, 0)
            log.debug("notes stream closed after %d notes", count)


def serve(port: int = 50051) -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    routes_pb2_grpc.add_RoutesServicer_to_server(RoutesService(geo.load_places()), server)
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    log.info("routes server on %d", port)
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
