from quota.model.inspection import Inspection


def test_inspection_from_dict_defaults():
    rec = Inspection.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_inspection_requires_id():
    assert Inspection().validate() == ["id is required"] or "id is required" in Inspection().validate()
