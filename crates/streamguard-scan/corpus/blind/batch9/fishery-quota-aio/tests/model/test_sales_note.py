from quota.model.sales_note import SalesNote


def test_sales_note_from_dict_defaults():
    rec = SalesNote.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_sales_note_requires_id():
    assert SalesNote().validate() == ["id is required"] or "id is required" in SalesNote().validate()
