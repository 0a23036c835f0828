from quota.model.landing import Landing


def test_landing_from_dict_defaults():
    rec = Landing.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_landing_requires_id():
    assert Landing().validate() == ["id is required"] or "id is required" in Landing().validate()
