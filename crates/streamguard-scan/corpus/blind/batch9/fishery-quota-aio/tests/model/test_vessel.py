from quota.model.vessel import Vessel


def test_vessel_from_dict_defaults():
    rec = Vessel.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_vessel_requires_id():
    assert Vessel().validate() == ["id is required"] or "id is required" in Vessel().validate()
