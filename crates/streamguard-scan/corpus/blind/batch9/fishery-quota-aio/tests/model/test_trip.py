from quota.model.trip import Trip


def test_trip_from_dict_defaults():
    rec = Trip.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_trip_requires_id():
    assert Trip().validate() == ["id is required"] or "id is required" in Trip().validate()
