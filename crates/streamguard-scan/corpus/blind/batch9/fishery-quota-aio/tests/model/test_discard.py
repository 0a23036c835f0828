from quota.model.discard import Discard


def test_discard_from_dict_defaults():
    rec = Discard.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_discard_requires_id():
    assert Discard().validate() == ["id is required"] or "id is required" in Discard().validate()
