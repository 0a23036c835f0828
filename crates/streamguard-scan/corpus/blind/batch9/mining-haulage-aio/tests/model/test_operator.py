from haulage.model.operator import Operator


def test_operator_from_dict_defaults():
    rec = Operator.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_operator_requires_id():
    assert Operator().validate() == ["id is required"] or "id is required" in Operator().validate()
