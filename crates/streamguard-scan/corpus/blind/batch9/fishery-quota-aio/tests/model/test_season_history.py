from quota.model.season_history import SeasonHistory


def test_season_history_from_dict_defaults():
    rec = SeasonHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_season_history_requires_id():
    assert SeasonHistory().validate() == ["id is required"] or "id is required" in SeasonHistory().validate()
