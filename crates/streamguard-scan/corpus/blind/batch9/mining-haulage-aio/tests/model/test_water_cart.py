from haulage.model.water_cart import WaterCart


def test_water_cart_from_dict_defaults():
    rec = WaterCart.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_water_cart_requires_id():
    assert WaterCart().validate() == ["id is required"] or "id is required" in WaterCart().validate()
