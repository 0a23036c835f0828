from haulage.model.fatigue_event import FatigueEvent


def test_fatigue_event_from_dict_defaults():
    rec = FatigueEvent.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_fatigue_event_requires_id():
    assert FatigueEvent().validate() == ["id is required"] or "id is required" in FatigueEvent().validate()
