import grpc
import psycopg
import requests

from . import config
from .gen import plc_pb2, plc_pb2_grpc

_channel = grpc.insecure_channel(config.PLC_ADDR)
plc = plc_pb2_grpc.PlcGatewayStub(_channel)
http = requests.Session()


def read_station(station_id: str, timeout: float | None):
    return plc.ReadStation(plc_pb2.ReadStationRequest(station_id=station_id), timeout=timeout)


def mes_command(machine_id: str, action: str, wash_seconds: float) -> dict:
    resp = http.post(f"{config.MES_URL}/centrifuges/{machine_id}/commands",
                     json={"action": action, "wash_seconds": wash_seconds}, timeout=10)
    resp.raise_for_status()
    return resp.json()


def archive_cycle(machine_id: str, payload: dict) -> None:
    http.put(f"{config.MES_URL}/archive/{machine_id}", json=payload, timeout=120)


def shift_rows(station_id: str, shift_date: str, shift: str):
    with psycopg.connect(config.LAB_DSN) as conn:
        cur = conn.execute(
            "SELECT machine_id, cycle_no, sugar_kg, purity FROM cycles "
            "WHERE station_id = %s AND shift_date = %s AND shift = %s ORDER BY cycle_no",
            (station_id, shift_date, shift),
        )
        yield from cur
