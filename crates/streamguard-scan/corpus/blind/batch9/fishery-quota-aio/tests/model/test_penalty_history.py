from quota.model.penalty_history import PenaltyHistory


def test_penalty_history_from_dict_defaults():
    rec = PenaltyHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_penalty_history_requires_id():
    assert PenaltyHistory().validate() == ["id is required"] or "id is required" in PenaltyHistory().validate()
