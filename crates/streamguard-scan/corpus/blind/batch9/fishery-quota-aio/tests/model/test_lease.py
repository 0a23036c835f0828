from quota.model.lease import Lease


def test_lease_from_dict_defaults():
    rec = Lease.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_lease_requires_id():
    assert Lease().validate() == ["id is required"] or "id is required" in Lease().validate()
