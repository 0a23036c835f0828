from .gen import mill_pb2_grpc
from .handlers.export import ExportHandlers
from .handlers.line import LineHandlers
from .handlers.operator import OperatorHandlers
from .handlers.scans import ScanHandlers


class MillScanServicer(ScanHandlers, LineHandlers, ExportHandlers, OperatorHandlers,
                       mill_pb2_grpc.MillScanServicer):
    """All MillScan RPCs; each group lives in its own handler module."""
