from quota.model.discard_history import DiscardHistory


def test_discard_history_from_dict_defaults():
    rec = DiscardHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_discard_history_requires_id():
    assert DiscardHistory().validate() == ["id is required"] or "id is required" in DiscardHistory().validate()
