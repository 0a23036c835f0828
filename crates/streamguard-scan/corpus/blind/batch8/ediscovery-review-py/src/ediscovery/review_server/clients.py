import grpc

from ..gen import review_pb2_grpc
from .config import settings

_docstore_channel = grpc.insecure_channel(settings.docstore_addr)
_assign_channel = grpc.insecure_channel(settings.assignments_addr)
_render_channel = grpc.insecure_channel(settings.renderer_addr)

docstore = review_pb2_grpc.DocStoreStub(_docstore_channel)
assignments = review_pb2_grpc.AssignmentsStub(_assign_channel)
renderer = review_pb2_grpc.RendererStub(_render_channel)
