from quota.model.closure import Closure


def test_closure_from_dict_defaults():
    rec = Closure.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_closure_requires_id():
    assert Closure().validate() == ["id is required"] or "id is required" in Closure().validate()
