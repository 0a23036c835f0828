from courtrec.model.transcript_order import TranscriptOrder


def test_transcript_order_from_dict_defaults():
    rec = TranscriptOrder.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_transcript_order_requires_id():
    assert TranscriptOrder().validate() == ["id is required"] or "id is required" in TranscriptOrder().validate()
