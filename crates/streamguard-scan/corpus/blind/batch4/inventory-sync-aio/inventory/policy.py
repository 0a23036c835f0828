from __future__ import annotations

from .auth import Caller


class Denied(Exception):
    pass


class WarehousePolicy:
    """A caller may act on a warehouse named in its token, with the scope the action needs."""

    def check(self, caller: Caller, warehouse_id: str, scope: str) -> None:
        if scope not in caller.scopes:
            raise Denied(f"scope {scope!r} required")
        if warehouse_id not in caller.warehouses:
            raise Denied(f"warehouse {warehouse_id!r} not granted to {caller.sub}")
