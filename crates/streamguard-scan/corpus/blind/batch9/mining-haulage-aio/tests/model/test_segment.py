from haulage.model.segment import Segment


def test_segment_from_dict_defaults():
    rec = Segment.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_segment_requires_id():
    assert Segment().validate() == ["id is required"] or "id is required" in Segment().validate()
