"""Loads the place database and provides geometry helpers."""

from __future__ import annotations

import json
import math
import os

from routes import routes_pb2

COORD_FACTOR = 1e7
EARTH_RADIUS_M = 6_371_000


def load_places(path: str | None = None) -> list[routes_pb2.Place]:
    path = path or os.environ.get("PLACES_DB", os.path.join(os.path.dirname(__file__), "places.json"))
    with open(path) as f:
        raw = json.load(f)
    return [
        routes_pb2.Place(
            name=item["name"],
            location=routes_pb2.Point(latitude=item["location"]["latitude"], longitude=item["location"]["longitude"]),
        )
        for item in raw
    ]


def place_at(places: list[routes_pb2.Place], point: routes_pb2.Point) -> routes_pb2.Place | None:
    for p in places:
        if p.location == point:
            return p
    return None


def distance_m(a: routes_pb2.Point, b: routes_pb2.Point) -> float:
    lat1, lat2 = math.radians(a.latitude / COORD_FACTOR), math.radians(b.latitude / COORD_FACTOR)
    dlat = lat2 - lat1
    dlon = math.radians((b.longitude - a.longitude) / COORD_FACTOR)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def inside(rect: routes_pb2.Rectangle, p: routes_pb2.Point) -> bool:
    left, right = sorted((rect.lo.longitude, rect.hi.longitude))
    bottom, top = sorted((rect.lo.latitude, rect.hi.latitude))
    return left <= p.longitude <= right and bottom <= p.latitude <= top
