"""Client of the GPU alignment farm (a separate gRPC service)."""
import os
from dataclasses import dataclass

import grpc

from genproto import align_pb2, align_pb2_grpc  # generated from the farm's own proto (vendored by the farm team)

_channel = grpc.insecure_channel(os.environ.get("ALIGN_FARM", "align-farm.lab.internal:50090"))
_stub = align_pb2_grpc.AlignFarmStub(_channel)


@dataclass
class Alignment:
    bam_key: str
    mapped_fraction: float


def align(sample_id: str, reference: str, region: str, timeout: float | None) -> Alignment:
    resp = _stub.Align(align_pb2.AlignJob(sample=sample_id, reference=reference, region=region), timeout=timeout)
    return Alignment(bam_key=resp.bam_key, mapped_fraction=resp.mapped_fraction)
