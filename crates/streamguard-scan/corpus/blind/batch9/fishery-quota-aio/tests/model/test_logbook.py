from quota.model.logbook import Logbook


def test_logbook_from_dict_defaults():
    rec = Logbook.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_logbook_requires_id():
    assert Logbook().validate() == ["id is required"] or "id is required" in Logbook().validate()
