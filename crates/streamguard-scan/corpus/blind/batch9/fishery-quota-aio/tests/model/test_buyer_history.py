from quota.model.buyer_history import BuyerHistory


def test_buyer_history_from_dict_defaults():
    rec = BuyerHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_buyer_history_requires_id():
    assert BuyerHistory().validate() == ["id is required"] or "id is required" in BuyerHistory().validate()
