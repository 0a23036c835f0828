from courtrec.model.invoice import Invoice


def test_invoice_from_dict_defaults():
    rec = Invoice.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_invoice_requires_id():
    assert Invoice().validate() == ["id is required"] or "id is required" in Invoice().validate()
