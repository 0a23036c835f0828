from courtrec.model.assignment import Assignment


def test_assignment_from_dict_defaults():
    rec = Assignment.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_assignment_requires_id():
    assert Assignment().validate() == ["id is required"] or "id is required" in Assignment().validate()
