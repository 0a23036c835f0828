from quota.model.gear import Gear


def test_gear_from_dict_defaults():
    rec = Gear.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_gear_requires_id():
    assert Gear().validate() == ["id is required"] or "id is required" in Gear().validate()
