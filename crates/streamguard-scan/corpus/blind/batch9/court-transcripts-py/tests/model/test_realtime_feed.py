from courtrec.model.realtime_feed import RealtimeFeed


def test_realtime_feed_from_dict_defaults():
    rec = RealtimeFeed.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_realtime_feed_requires_id():
    assert RealtimeFeed().validate() == ["id is required"] or "id is required" in RealtimeFeed().validate()
