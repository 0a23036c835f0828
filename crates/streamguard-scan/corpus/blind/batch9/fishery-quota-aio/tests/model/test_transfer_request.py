from quota.model.transfer_request import TransferRequest


def test_transfer_request_from_dict_defaults():
    rec = TransferRequest.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_transfer_request_requires_id():
    assert TransferRequest().validate() == ["id is required"] or "id is required" in TransferRequest().validate()
