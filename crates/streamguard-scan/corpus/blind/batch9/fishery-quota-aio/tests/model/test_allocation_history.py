from quota.model.allocation_history import AllocationHistory


def test_allocation_history_from_dict_defaults():
    rec = AllocationHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_allocation_history_requires_id():
    assert AllocationHistory().validate() == ["id is required"] or "id is required" in AllocationHistory().validate()
