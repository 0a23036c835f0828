from courtrec.model.counsel import Counsel


def test_counsel_from_dict_defaults():
    rec = Counsel.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_counsel_requires_id():
    assert Counsel().validate() == ["id is required"] or "id is required" in Counsel().validate()
