"""Field relay on the flank: no auth (closed radio network), forwards spectra to the observatory."""
import logging
import os
import threading
from concurrent import futures

import grpc
import requests

from gasnet.gen import gas_pb2, gas_pb2_grpc

ARCHIVE_URL = os.environ.get("ARCHIVE_URL", "http://archive.volcano-obs.internal/spectra")
log = logging.getLogger("relay")


def _upload(batch: list[dict]) -> None:
    try:
        requests.post(ARCHIVE_URL, json=batch, timeout=15).raise_for_status()
    except requests.RequestException as exc:
        log.warning("archive upload failed: %s", exc)


class FieldRelay(gas_pb2_grpc.FieldRelayServicer):
    def ForwardSamples(self, request_iterator, context):
        forwarded = 0
        batch: list[dict] = []
        for sample in request_iterator:
            batch.append({"instrument": sample.instrument, "spectrum": sample.spectrum.hex(), "t": sample.unix_ms})
            if len(batch) == 50:
                threading.Thread(target=_upload, args=(batch,), daemon=True).start()
                forwarded += len(batch)
                batch = []
        if batch:
            _upload(batch)
            forwarded += len(batch)
        return gas_pb2.ForwardAck(forwarded=forwarded)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    gas_pb2_grpc.add_FieldRelayServicer_to_server(FieldRelay(), server)
    server.add_insecure_port(os.environ.get("RELAY_LISTEN", "[::]:50078"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
