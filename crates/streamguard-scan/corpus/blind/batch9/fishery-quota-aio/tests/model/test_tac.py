from quota.model.tac import Tac


def test_tac_from_dict_defaults():
    rec = Tac.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_tac_requires_id():
    assert Tac().validate() == ["id is required"] or "id is required" in Tac().validate()
