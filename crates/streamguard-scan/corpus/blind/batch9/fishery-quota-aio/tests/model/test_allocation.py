from quota.model.allocation import Allocation


def test_allocation_from_dict_defaults():
    rec = Allocation.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_allocation_requires_id():
    assert Allocation().validate() == ["id is required"] or "id is required" in Allocation().validate()
