from haulage.model.dump_point import DumpPoint


def test_dump_point_from_dict_defaults():
    rec = DumpPoint.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_dump_point_requires_id():
    assert DumpPoint().validate() == ["id is required"] or "id is required" in DumpPoint().validate()
