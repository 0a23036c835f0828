from courtrec.model.witness import Witness


def test_witness_from_dict_defaults():
    rec = Witness.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_witness_requires_id():
    assert Witness().validate() == ["id is required"] or "id is required" in Witness().validate()
