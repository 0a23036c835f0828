from quota.model.buyer import Buyer


def test_buyer_from_dict_defaults():
    rec = Buyer.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_buyer_requires_id():
    assert Buyer().validate() == ["id is required"] or "id is required" in Buyer().validate()
