from haulage.model.weighbridge import Weighbridge


def test_weighbridge_from_dict_defaults():
    rec = Weighbridge.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_weighbridge_requires_id():
    assert Weighbridge().validate() == ["id is required"] or "id is required" in Weighbridge().validate()
