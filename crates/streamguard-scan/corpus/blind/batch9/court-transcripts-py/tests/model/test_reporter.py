from courtrec.model.reporter import Reporter


def test_reporter_from_dict_defaults():
    rec = Reporter.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_reporter_requires_id():
    assert Reporter().validate() == ["id is required"] or "id is required" in Reporter().validate()
