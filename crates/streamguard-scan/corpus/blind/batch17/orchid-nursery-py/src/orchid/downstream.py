import grpc
import psycopg
import requests

from . import settings
from .gen import climate_pb2, climate_pb2_grpc

_channel = grpc.insecure_channel(settings.CLIMATE_ADDR)
climate = climate_pb2_grpc.ClimateControllerStub(_channel)

valves = requests.Session()


def bench_state(bench_id: str, timeout: float):
    return climate.BenchState(climate_pb2.BenchStateRequest(bench_id=bench_id), timeout=timeout)


def open_valve(bench_id: str, action: dict) -> dict:
    r = valves.post(f"{settings.VALVES_URL}/benches/{bench_id}/actions", json=action, timeout=10)
    r.raise_for_status()
    return r.json()


def potting_cursor(conn: psycopg.Connection, house_id: str, since: str):
    conn.execute("SET statement_timeout = 60000")
    return conn.execute(
        "SELECT plant_id, genus, medium, potted_on::text FROM potting WHERE house_id = %s AND potted_on >= %s "
        "ORDER BY potted_on",
        (house_id, since),
    )
