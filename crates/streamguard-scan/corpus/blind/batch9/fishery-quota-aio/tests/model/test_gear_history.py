from quota.model.gear_history import GearHistory


def test_gear_history_from_dict_defaults():
    rec = GearHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_gear_history_requires_id():
    assert GearHistory().validate() == ["id is required"] or "id is required" in GearHistory().validate()
