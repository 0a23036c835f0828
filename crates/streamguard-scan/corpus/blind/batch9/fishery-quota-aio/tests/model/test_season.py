from quota.model.season import Season


def test_season_from_dict_defaults():
    rec = Season.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_season_requires_id():
    assert Season().validate() == ["id is required"] or "id is required" in Season().validate()
