from courtrec.model.case import Case


def test_case_from_dict_defaults():
    rec = Case.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_case_requires_id():
    assert Case().validate() == ["id is required"] or "id is required" in Case().validate()
