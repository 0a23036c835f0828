from courtrec.model.juror import Juror


def test_juror_from_dict_defaults():
    rec = Juror.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_juror_requires_id():
    assert Juror().validate() == ["id is required"] or "id is required" in Juror().validate()
