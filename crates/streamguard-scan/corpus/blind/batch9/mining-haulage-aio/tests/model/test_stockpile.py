from haulage.model.stockpile import Stockpile


def test_stockpile_from_dict_defaults():
    rec = Stockpile.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_stockpile_requires_id():
    assert Stockpile().validate() == ["id is required"] or "id is required" in Stockpile().validate()
