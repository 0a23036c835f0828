from haulage.model.shift import Shift


def test_shift_from_dict_defaults():
    rec = Shift.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_shift_requires_id():
    assert Shift().validate() == ["id is required"] or "id is required" in Shift().validate()
