from quota.model.appeal import Appeal


def test_appeal_from_dict_defaults():
    rec = Appeal.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_appeal_requires_id():
    assert Appeal().validate() == ["id is required"] or "id is required" in Appeal().validate()
