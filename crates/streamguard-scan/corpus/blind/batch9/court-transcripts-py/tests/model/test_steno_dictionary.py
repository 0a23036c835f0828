from courtrec.model.steno_dictionary import StenoDictionary


def test_steno_dictionary_from_dict_defaults():
    rec = StenoDictionary.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_steno_dictionary_requires_id():
    assert StenoDictionary().validate() == ["id is required"] or "id is required" in StenoDictionary().validate()
