"""Clients of the systems behind the oven line."""
from __future__ import annotations

import logging
import os
import time

import boto3
import grpc
import requests
from botocore.config import Config

from ovend.gen import plc_pb2, plc_pb2_grpc

log = logging.getLogger(__name__)

PLC_HTTP = os.environ.get("PLC_HTTP", "http://oven-plc.bakery.lan")
MES_URL = os.environ.get("MES_URL", "https://mes.bakehouse.example/api/events")

plc_stub = plc_pb2_grpc.ZoneControlStub(grpc.insecure_channel(os.environ.get("PLC_GRPC", "oven-plc.bakery.lan:50070")))

s3 = boto3.client("s3", config=Config(connect_timeout=5, read_timeout=60, retries={"max_attempts": 3}))
RECIPE_BUCKET = os.environ.get("RECIPE_BUCKET", "bakehouse-recipes")


def read_oven(oven_id: str, timeout: float) -> dict:
    r = requests.get(f"{PLC_HTTP}/ovens/{oven_id}/telemetry", timeout=timeout)
    r.raise_for_status()
    return r.json()


def set_zone(oven_id: str, zone: int, setpoint_c: float) -> plc_pb2.SetPointReply:
    return plc_stub.SetPoint(plc_pb2.SetPointRequest(oven_id=oven_id, zone=zone, setpoint_c=setpoint_c), timeout=10)


def report_mes(event: dict) -> None:
    """Traceability record for the MES; retried until it is accepted."""
    for attempt in range(1, 11):
        try:
            requests.post(MES_URL, json=event, timeout=15).raise_for_status()
            return
        except requests.RequestException as exc:
            log.warning("MES rejected event (%s), retry %d", exc, attempt)
            time.sleep(20)


def put_recipe(name: str, body: bytes) -> str:
    resp = s3.put_object(Bucket=RECIPE_BUCKET, Key=f"recipes/{name}", Body=body)
    return resp["ETag"]
