from quota.model.bycatch import Bycatch


def test_bycatch_from_dict_defaults():
    rec = Bycatch.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_bycatch_requires_id():
    assert Bycatch().validate() == ["id is required"] or "id is required" in Bycatch().validate()
