from haulage.model.shovel import Shovel


def test_shovel_from_dict_defaults():
    rec = Shovel.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_shovel_requires_id():
    assert Shovel().validate() == ["id is required"] or "id is required" in Shovel().validate()
