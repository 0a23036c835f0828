"""Pit geometry helpers: haversine distance, bearing, and point-in-polygon for geofences."""
from __future__ import annotations

import math

EARTH_R_M = 6_371_000.0


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_R_M * math.asin(math.sqrt(a))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def inside(lat: float, lon: float, polygon: list[tuple[float, float]]) -> bool:
    """Ray casting; polygon vertices as (lat, lon)."""
    hit = False
    j = len(polygon) - 1
    for i, (yi, xi) in enumerate(polygon):
        yj, xj = polygon[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi + 1e-15) + xi:
            hit = not hit
        j = i
    return hit


def speed_limit_for(zones: dict[str, tuple[float, list[tuple[float, float]]]], lat: float, lon: float, default: float) -> float:
    limit = default
    for max_kph, poly in zones.values():
        if inside(lat, lon, poly):
            limit = min(limit, max_kph)
    return limit
