from quota.model.sales_note_history import SalesNoteHistory


def test_sales_note_history_from_dict_defaults():
    rec = SalesNoteHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_sales_note_history_requires_id():
    assert SalesNoteHistory().validate() == ["id is required"] or "id is required" in SalesNoteHistory().validate()
