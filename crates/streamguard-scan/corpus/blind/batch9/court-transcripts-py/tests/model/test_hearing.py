from courtrec.model.hearing import Hearing


def test_hearing_from_dict_defaults():
    rec = Hearing.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_hearing_requires_id():
    assert Hearing().validate() == ["id is required"] or "id is required" in Hearing().validate()
