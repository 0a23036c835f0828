from quota.model.transfer_request_history import TransferRequestHistory


def test_transfer_request_history_from_dict_defaults():
    rec = TransferRequestHistory.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_transfer_request_history_requires_id():
    assert TransferRequestHistory().validate() == ["id is required"] or "id is required" in TransferRequestHistory().validate()
