from haulage.model.ore_block import OreBlock


def test_ore_block_from_dict_defaults():
    rec = OreBlock.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_ore_block_requires_id():
    assert OreBlock().validate() == ["id is required"] or "id is required" in OreBlock().validate()
