from haulage.model.cycle import Cycle


def test_cycle_from_dict_defaults():
    rec = Cycle.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_cycle_requires_id():
    assert Cycle().validate() == ["id is required"] or "id is required" in Cycle().validate()
