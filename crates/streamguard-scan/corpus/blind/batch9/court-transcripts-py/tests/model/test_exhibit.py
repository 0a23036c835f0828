from courtrec.model.exhibit import Exhibit


def test_exhibit_from_dict_defaults():
    rec = Exhibit.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_exhibit_requires_id():
    assert Exhibit().validate() == ["id is required"] or "id is required" in Exhibit().validate()
