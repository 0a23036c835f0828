from haulage.model.blast_pattern import BlastPattern


def test_blast_pattern_from_dict_defaults():
    rec = BlastPattern.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_blast_pattern_requires_id():
    assert BlastPattern().validate() == ["id is required"] or "id is required" in BlastPattern().validate()
