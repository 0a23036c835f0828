from haulage.model.crusher import Crusher


def test_crusher_from_dict_defaults():
    rec = Crusher.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_crusher_requires_id():
    assert Crusher().validate() == ["id is required"] or "id is required" in Crusher().validate()
