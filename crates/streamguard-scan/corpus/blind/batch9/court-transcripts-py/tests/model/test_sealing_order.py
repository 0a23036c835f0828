from courtrec.model.sealing_order import SealingOrder


def test_sealing_order_from_dict_defaults():
    rec = SealingOrder.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_sealing_order_requires_id():
    assert SealingOrder().validate() == ["id is required"] or "id is required" in SealingOrder().validate()
