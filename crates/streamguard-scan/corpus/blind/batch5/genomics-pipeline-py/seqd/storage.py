import os

import requests

OBJECT_API = os.environ.get("OBJECT_API", "http://objstore.lab.internal:7480")


def put_lane(run_id: str, lane: int, data: bytes) -> str:
    key = f"runs/{run_id}/L{lane:03d}.fastq.gz"
    resp = requests.put(f"{OBJECT_API}/{key}", data=data, timeout=30)
    resp.raise_for_status()
    return key
