from quota.model.logbook_history import LogbookHistory


def test_logbook_history_from_dict_defaults():
    rec = LogbookHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_logbook_history_requires_id():
    assert LogbookHistory().validate() == ["id is required"] or "id is required" in LogbookHistory().validate()
