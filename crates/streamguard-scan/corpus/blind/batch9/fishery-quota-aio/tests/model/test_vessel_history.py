from quota.model.vessel_history import VesselHistory


def test_vessel_history_from_dict_defaults():
    rec = VesselHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_vessel_history_requires_id():
    assert VesselHistory().validate() == ["id is required"] or "id is required" in VesselHistory().validate()
