from quota.model.inspection_history import InspectionHistory


def test_inspection_history_from_dict_defaults():
    rec = InspectionHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_inspection_history_requires_id():
    assert InspectionHistory().validate() == ["id is required"] or "id is required" in InspectionHistory().validate()
