from quota.model.species_history import SpeciesHistory


def test_species_history_from_dict_defaults():
    rec = SpeciesHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_species_history_requires_id():
    assert SpeciesHistory().validate() == ["id is required"] or "id is required" in SpeciesHistory().validate()
