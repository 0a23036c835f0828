from haulage.model.dispatch_assignment import DispatchAssignment


def test_dispatch_assignment_from_dict_defaults():
    rec = DispatchAssignment.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_dispatch_assignment_requires_id():
    assert DispatchAssignment().validate() == ["id is required"] or "id is required" in DispatchAssignment().validate()
