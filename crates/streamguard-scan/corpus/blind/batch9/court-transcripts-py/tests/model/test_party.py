from courtrec.model.party import Party


def test_party_from_dict_defaults():
    rec = Party.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_party_requires_id():
    assert Party().validate() == ["id is required"] or "id is required" in Party().validate()
