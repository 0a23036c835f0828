from quota.model.species import Species


def test_species_from_dict_defaults():
    rec = Species.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_species_requires_id():
    assert Species().validate() == ["id is required"] or "id is required" in Species().validate()
