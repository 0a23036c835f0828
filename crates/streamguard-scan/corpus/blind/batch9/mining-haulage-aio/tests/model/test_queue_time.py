from haulage.model.queue_time import QueueTime


def test_queue_time_from_dict_defaults():
    rec = QueueTime.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_queue_time_requires_id():
    assert QueueTime().validate() == ["id is required"] or "id is required" in QueueTime().validate()
