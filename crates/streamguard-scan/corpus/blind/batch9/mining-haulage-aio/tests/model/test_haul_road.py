from haulage.model.haul_road import HaulRoad


def test_haul_road_from_dict_defaults():
    rec = HaulRoad.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_haul_road_requires_id():
    assert HaulRoad().validate() == ["id is required"] or "id is required" in HaulRoad().validate()
