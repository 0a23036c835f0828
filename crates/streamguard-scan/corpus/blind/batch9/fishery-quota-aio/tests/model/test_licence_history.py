from quota.model.licence_history import LicenceHistory


def test_licence_history_from_dict_defaults():
    rec = LicenceHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_licence_history_requires_id():
    assert LicenceHistory().validate() == ["id is required"] or "id is required" in LicenceHistory().validate()
