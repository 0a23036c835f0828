from quota.model.observer import Observer


def test_observer_from_dict_defaults():
    rec = Observer.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_observer_requires_id():
    assert Observer().validate() == ["id is required"] or "id is required" in Observer().validate()
