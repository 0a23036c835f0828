"""Fake downstreams for local runs of the review server (make dev)."""
import time
from concurrent import futures

import grpc

from ediscovery.gen import review_pb2, review_pb2_grpc


class FakeAssignments(review_pb2_grpc.AssignmentsServicer):
    def NextAssignments(self, request, context):
        return review_pb2.NextAssignmentsReply(batches=[
            review_pb2.BatchEvent(batch_id=f"B-{int(time.time())}", matter_id=request.matter_id, doc_ids=["D-1", "D-2"], cut_unix_ms=int(time.time() * 1000)),
        ])


class FakeRenderer(review_pb2_grpc.RendererServicer):
    def RenderPdf(self, request, context):
        time.sleep(0.2)
        return review_pb2.RenderPdfReply(bates_number=f"ABC{hash(request.doc_id) % 100000:06d}", pdf=b"%PDF-1.7\n")


def serve(port: int = 50561) -> grpc.Server:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    review_pb2_grpc.add_AssignmentsServicer_to_server(FakeAssignments(), server)
    review_pb2_grpc.add_RendererServicer_to_server(FakeRenderer(), server)
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    return server
