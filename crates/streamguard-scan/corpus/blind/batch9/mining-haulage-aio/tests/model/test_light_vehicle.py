from haulage.model.light_vehicle import LightVehicle


def test_light_vehicle_from_dict_defaults():
    rec = LightVehicle.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_light_vehicle_requires_id():
    assert LightVehicle().validate() == ["id is required"] or "id is required" in LightVehicle().validate()
