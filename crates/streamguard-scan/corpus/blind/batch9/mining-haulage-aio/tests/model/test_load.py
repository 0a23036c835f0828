from haulage.model.load import Load


def test_load_from_dict_defaults():
    rec = Load.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_load_requires_id():
    assert Load().validate() == ["id is required"] or "id is required" in Load().validate()
