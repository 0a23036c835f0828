from haulage.model.haul_truck import HaulTruck


def test_haul_truck_from_dict_defaults():
    rec = HaulTruck.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_haul_truck_requires_id():
    assert HaulTruck().validate() == ["id is required"] or "id is required" in HaulTruck().validate()
