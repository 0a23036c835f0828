from quota.model.catch_area import CatchArea


def test_catch_area_from_dict_defaults():
    rec = CatchArea.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_catch_area_requires_id():
    assert CatchArea().validate() == ["id is required"] or "id is required" in CatchArea().validate()
