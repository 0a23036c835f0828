from quota.model.catch_area_history import CatchAreaHistory


def test_catch_area_history_from_dict_defaults():
    rec = CatchAreaHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_catch_area_history_requires_id():
    assert CatchAreaHistory().validate() == ["id is required"] or "id is required" in CatchAreaHistory().validate()
