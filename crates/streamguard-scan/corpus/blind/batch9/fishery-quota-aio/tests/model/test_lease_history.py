from quota.model.lease_history import LeaseHistory


def test_lease_history_from_dict_defaults():
    rec = LeaseHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_lease_history_requires_id():
    assert LeaseHistory().validate() == ["id is required"] or "id is required" in LeaseHistory().validate()
