from quota.model.port_history import PortHistory


def test_port_history_from_dict_defaults():
    rec = PortHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_port_history_requires_id():
    assert PortHistory().validate() == ["id is required"] or "id is required" in PortHistory().validate()
