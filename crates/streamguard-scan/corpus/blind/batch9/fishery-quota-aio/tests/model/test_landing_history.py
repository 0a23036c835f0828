from quota.model.landing_history import LandingHistory


def test_landing_history_from_dict_defaults():
    rec = LandingHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_landing_history_requires_id():
    assert LandingHistory().validate() == ["id is required"] or "id is required" in LandingHistory().validate()
