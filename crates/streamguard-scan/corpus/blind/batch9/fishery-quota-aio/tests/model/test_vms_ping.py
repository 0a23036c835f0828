from quota.model.vms_ping import VmsPing


def test_vms_ping_from_dict_defaults():
    rec = VmsPing.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_vms_ping_requires_id():
    assert VmsPing().validate() == ["id is required"] or "id is required" in VmsPing().validate()
