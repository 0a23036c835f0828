from quota.model.trip_history import TripHistory


def test_trip_history_from_dict_defaults():
    rec = TripHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_trip_history_requires_id():
    assert TripHistory().validate() == ["id is required"] or "id is required" in TripHistory().validate()
