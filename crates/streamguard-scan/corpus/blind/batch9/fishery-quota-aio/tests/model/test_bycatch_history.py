from quota.model.bycatch_history import BycatchHistory


def test_bycatch_history_from_dict_defaults():
    rec = BycatchHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_bycatch_history_requires_id():
    assert BycatchHistory().validate() == ["id is required"] or "id is required" in BycatchHistory().validate()
