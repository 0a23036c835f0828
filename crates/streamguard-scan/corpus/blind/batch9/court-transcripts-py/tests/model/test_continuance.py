from courtrec.model.continuance import Continuance


def test_continuance_from_dict_defaults():
    rec = Continuance.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_continuance_requires_id():
    assert Continuance().validate() == ["id is required"] or "id is required" in Continuance().validate()
