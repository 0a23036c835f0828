from haulage.model.payload_event import PayloadEvent


def test_payload_event_from_dict_defaults():
    rec = PayloadEvent.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_payload_event_requires_id():
    assert PayloadEvent().validate() == ["id is required"] or "id is required" in PayloadEvent().validate()
