from quota.model.tac_history import TacHistory


def test_tac_history_from_dict_defaults():
    rec = TacHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_tac_history_requires_id():
    assert TacHistory().validate() == ["id is required"] or "id is required" in TacHistory().validate()
