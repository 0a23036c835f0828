from courtrec.model.judge import Judge


def test_judge_from_dict_defaults():
    rec = Judge.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_judge_requires_id():
    assert Judge().validate() == ["id is required"] or "id is required" in Judge().validate()
