import pytest

from inventory.auth import Caller
from inventory.policy import Denied, WarehousePolicy

CALLER = Caller(sub="picker-7", warehouses=frozenset({"WH1"}), scopes=frozenset({"stock:read"}), exp=0)


def test_read_in_own_warehouse_is_allowed():
    WarehousePolicy().check(CALLER, "WH1", "stock:read")


def test_other_warehouse_is_denied():
    with pytest.raises(Denied):
        WarehousePolicy().check(CALLER, "WH2", "stock:read")


def test_missing_scope_is_denied():
    with pytest.raises(Denied):
        WarehousePolicy().check(CALLER, "WH1", "orders:write")
