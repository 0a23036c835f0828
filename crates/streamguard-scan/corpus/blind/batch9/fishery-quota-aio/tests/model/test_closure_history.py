from quota.model.closure_history import ClosureHistory


def test_closure_history_from_dict_defaults():
    rec = ClosureHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_closure_history_requires_id():
    assert ClosureHistory().validate() == ["id is required"] or "id is required" in ClosureHistory().validate()
