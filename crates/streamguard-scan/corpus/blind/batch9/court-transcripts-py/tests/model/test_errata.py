from courtrec.model.errata import Errata


def test_errata_from_dict_defaults():
    rec = Errata.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_errata_requires_id():
    assert Errata().validate() == ["id is required"] or "id is required" in Errata().validate()
