from haulage.model.speed_zone import SpeedZone


def test_speed_zone_from_dict_defaults():
    rec = SpeedZone.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_speed_zone_requires_id():
    assert SpeedZone().validate() == ["id is required"] or "id is required" in SpeedZone().validate()
