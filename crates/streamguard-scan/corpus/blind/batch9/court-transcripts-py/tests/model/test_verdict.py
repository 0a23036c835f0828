from courtrec.model.verdict import Verdict


def test_verdict_from_dict_defaults():
    rec = Verdict.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_verdict_requires_id():
    assert Verdict().validate() == ["id is required"] or "id is required" in Verdict().validate()
