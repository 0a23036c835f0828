import grpc
import psycopg
import requests

from . import config
from .gen import optimizer_pb2, optimizer_pb2_grpc

_http = requests.Session()
_optimizer = optimizer_pb2_grpc.CutOptimizerStub(grpc.insecure_channel(config.OPTIMIZER_ADDR))


def remaining(context, default: float) -> float:
    left = context.time_remaining()
    return default if left is None else max(0.05, min(left, default))


def optimize(scan, timeout):
    req = optimizer_pb2.OptimizeRequest(log_id=scan.log_id, length_mm=scan.length_mm,
                                        diameters_mm=list(scan.diameters_mm), sweep_mm=scan.sweep_mm)
    return _optimizer.Optimize(req, timeout=timeout)


def plc_status(line_id: str, timeout: float) -> dict:
    resp = _http.get(f"{config.PLC_URL}/{line_id}/status", timeout=timeout)
    resp.raise_for_status()
    return resp.json()


def plc_setworks(line_id: str, carriage: int, action: str, set_mm: float, timeout: float) -> dict:
    resp = _http.post(f"{config.PLC_URL}/{line_id}/carriage/{carriage}",
                      json={"action": action, "set_mm": set_mm}, timeout=timeout)
    resp.raise_for_status()
    return resp.json()


def connect(statement_timeout_ms: int | None):
    conn = psycopg.connect(config.DATABASE_URL, connect_timeout=3)
    if statement_timeout_ms is not None:
        conn.execute(f"SET statement_timeout = {int(statement_timeout_ms)}")
    return conn
