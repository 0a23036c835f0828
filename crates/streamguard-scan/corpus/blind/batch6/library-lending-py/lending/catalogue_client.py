"""Thin wrapper around the consortium catalogue (ILS) gRPC API."""
from __future__ import annotations

import os

import grpc

from lending.gen import catalogue_pb2, catalogue_pb2_grpc

_channel = grpc.insecure_channel(os.environ.get("CATALOGUE_ADDR", "ils.riverside.internal:7070"))
_stub = catalogue_pb2_grpc.CatalogueStub(_channel)

# The ILS is slow when the nightly reindex runs; five seconds keeps the desk
# usable without giving up on the first hiccup.
ILS_TIMEOUT_S = 5.0


def check_out(branch_id: str, patron: str, item: str) -> catalogue_pb2.LoanReceipt:
    return _stub.CheckOut(
        catalogue_pb2.CheckOutRequest(branch_id=branch_id, patron_barcode=patron, item_barcode=item),
        timeout=ILS_TIMEOUT_S,
    )


def check_in(branch_id: str, item: str) -> catalogue_pb2.LoanReceipt:
    return _stub.CheckIn(catalogue_pb2.CheckInRequest(branch_id=branch_id, item_barcode=item), timeout=ILS_TIMEOUT_S)


def renew(branch_id: str, patron: str, item: str) -> catalogue_pb2.LoanReceipt:
    return _stub.Renew(
        catalogue_pb2.RenewRequest(branch_id=branch_id, patron_barcode=patron, item_barcode=item),
        timeout=ILS_TIMEOUT_S,
    )


def item(barcode: str, timeout: float) -> catalogue_pb2.ItemRecord:
    return _stub.GetItem(catalogue_pb2.GetItemRequest(item_barcode=barcode), timeout=timeout)
