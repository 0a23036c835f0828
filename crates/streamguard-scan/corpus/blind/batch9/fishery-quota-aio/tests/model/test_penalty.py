from quota.model.penalty import Penalty


def test_penalty_from_dict_defaults():
    rec = Penalty.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_penalty_requires_id():
    assert Penalty().validate() == ["id is required"] or "id is required" in Penalty().validate()
