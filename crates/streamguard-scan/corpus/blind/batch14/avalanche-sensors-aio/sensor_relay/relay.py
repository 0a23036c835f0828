"""Valley-station relay: mountain LoRa gateways stream raw frames over the
site radio link; frames are decoded and posted to the snowpack model's ingest
API. No auth: the relay listens on the isolated radio VLAN only."""
import logging
import os
from concurrent import futures

import grpc
import requests

from slopewatch.gen import slope_pb2, slope_pb2_grpc

INGEST_URL = os.environ.get("INGEST_URL", "http://snowpack-model.patrol.lan:8000/v2/ingest")
BATCH = 50

log = logging.getLogger("sensor_relay")
_session = requests.Session()


def decode(frame: bytes) -> dict:
    # 2 bytes depth (mm), 2 bytes wind (dm/s), 1 byte temp offset
    return {
        "hs": int.from_bytes(frame[0:2], "big") / 10.0,
        "vw": int.from_bytes(frame[2:4], "big") / 10.0,
        "ta": frame[4] - 60,
    }


class Relay(slope_pb2_grpc.SensorRelayServicer):
    def ForwardReadings(self, request_iterator, context):
        batch, count = [], 0
        for raw in request_iterator:
            batch.append({"station": raw.station_id, "t": raw.unix_ms, **decode(raw.frame)})
            if len(batch) >= BATCH:
                self._post(batch)
                count += len(batch)
                batch = []
        if batch:
            self._post(batch)
            count += len(batch)
        return slope_pb2.ForwardAck(count=count)

    def _post(self, batch):
        resp = _session.post(INGEST_URL, json={"readings": batch}, timeout=10)
        if resp.status_code >= 300:
            log.warning("ingest refused batch: %s", resp.status_code)


def main():
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    slope_pb2_grpc.add_SensorRelayServicer_to_server(Relay(), server)
    server.add_insecure_port(os.environ.get("RELAY_LISTEN", "10.40.0.2:50121"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
