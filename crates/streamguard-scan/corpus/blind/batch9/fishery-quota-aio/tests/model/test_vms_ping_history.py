from quota.model.vms_ping_history import VmsPingHistory


def test_vms_ping_history_from_dict_defaults():
    rec = VmsPingHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_vms_ping_history_requires_id():
    assert VmsPingHistory().validate() == ["id is required"] or "id is required" in VmsPingHistory().validate()
