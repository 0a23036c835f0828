from haulage.model.tyre import Tyre


def test_tyre_from_dict_defaults():
    rec = Tyre.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_tyre_requires_id():
    assert Tyre().validate() == ["id is required"] or "id is required" in Tyre().validate()
