from haulage.model.delay_code import DelayCode


def test_delay_code_from_dict_defaults():
    rec = DelayCode.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_delay_code_requires_id():
    assert DelayCode().validate() == ["id is required"] or "id is required" in DelayCode().validate()
