from quota.model.licence import Licence


def test_licence_from_dict_defaults():
    rec = Licence.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_licence_requires_id():
    assert Licence().validate() == ["id is required"] or "id is required" in Licence().validate()
