from courtrec.model.calendar_slot import CalendarSlot


def test_calendar_slot_from_dict_defaults():
    rec = CalendarSlot.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_calendar_slot_requires_id():
    assert CalendarSlot().validate() == ["id is required"] or "id is required" in CalendarSlot().validate()
