from quota.model.quota_share import QuotaShare


def test_quota_share_from_dict_defaults():
    rec = QuotaShare.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_quota_share_requires_id():
    assert QuotaShare().validate() == ["id is required"] or "id is required" in QuotaShare().validate()
