"""QC wallboard feed. Runs on the instrument VLAN; the wallboard has no credentials."""
import logging
import os
import threading
import time
from concurrent import futures

import grpc

from genproto import sequencing_pb2 as pb
from genproto import sequencing_pb2_grpc as pb_grpc

from .collector import MetricCollector

log = logging.getLogger("qcworker")


class QualityControl(pb_grpc.QualityControlServicer):
    def __init__(self, collector: MetricCollector):
        self.collector = collector

    def StreamMetrics(self, request, context):
        stop = threading.Event()
        context.add_callback(stop.set)
        while not stop.is_set():
            for name, value in self.collector.snapshot(request.instrument_id).items():
                yield pb.QcMetric(instrument_id=request.instrument_id, at_ms=int(time.time() * 1000), name=name, value=value)
            stop.wait(10)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    collector = MetricCollector(os.environ.get("QC_SPOOL", "/var/spool/qc"))
    collector.start()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    pb_grpc.add_QualityControlServicer_to_server(QualityControl(collector), server)
    server.add_insecure_port(os.environ.get("QC_BIND", "[::]:50081"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
