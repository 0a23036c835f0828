from quota.model.quota_share_history import QuotaShareHistory


def test_quota_share_history_from_dict_defaults():
    rec = QuotaShareHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_quota_share_history_requires_id():
    assert QuotaShareHistory().validate() == ["id is required"] or "id is required" in QuotaShareHistory().validate()
