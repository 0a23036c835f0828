from quota.model.port import Port


def test_port_from_dict_defaults():
    rec = Port.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_port_requires_id():
    assert Port().validate() == ["id is required"] or "id is required" in Port().validate()
