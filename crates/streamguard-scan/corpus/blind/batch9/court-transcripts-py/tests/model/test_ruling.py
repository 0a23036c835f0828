from courtrec.model.ruling import Ruling


def test_ruling_from_dict_defaults():
    rec = Ruling.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_ruling_requires_id():
    assert Ruling().validate() == ["id is required"] or "id is required" in Ruling().validate()
