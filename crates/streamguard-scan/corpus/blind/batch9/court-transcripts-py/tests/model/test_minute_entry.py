from courtrec.model.minute_entry import MinuteEntry


def test_minute_entry_from_dict_defaults():
    rec = MinuteEntry.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_minute_entry_requires_id():
    assert MinuteEntry().validate() == ["id is required"] or "id is required" in MinuteEntry().validate()
