"""Unary elevation lookups backed by an external DEM HTTP service."""

from __future__ import annotations

import os
from concurrent import futures

import grpc
import requests

from routes import routes_pb2, routes_pb2_grpc

DEM_URL = os.environ.get("DEM_URL", "http://dem.internal/v1/elevation")


class GeoService(routes_pb2_grpc.GeoServicer):
    def __init__(self) -> None:
        self._http = requests.Session()

    def GetElevation(self, request, context):
        lat = request.point.latitude / 1e7
        lon = request.point.longitude / 1e7
        try:
            resp = self._http.get(DEM_URL, params={"lat": lat, "lon": lon}, timeout=3)
            resp.raise_for_status()
        except requests.RequestException as exc:
            context.abort(grpc.StatusCode.UNAVAILABLE, f"dem: {exc}")
        return routes_pb2.Elevation(meters=float(resp.json()["elevation"]))


def main() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    routes_pb2_grpc.add_GeoServicer_to_server(GeoService(), server)
    server.add_insecure_port("[::]:50052")
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
