from quota.model.appeal_history import AppealHistory


def test_appeal_history_from_dict_defaults():
    rec = AppealHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_appeal_history_requires_id():
    assert AppealHistory().validate() == ["id is required"] or "id is required" in AppealHistory().validate()
