from quota.model.observer_history import ObserverHistory


def test_observer_history_from_dict_defaults():
    rec = ObserverHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_observer_history_requires_id():
    assert ObserverHistory().validate() == ["id is required"] or "id is required" in ObserverHistory().validate()
