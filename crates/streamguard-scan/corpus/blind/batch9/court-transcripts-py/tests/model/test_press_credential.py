from courtrec.model.press_credential import PressCredential


def test_press_credential_from_dict_defaults():
    rec = PressCredential.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_press_credential_requires_id():
    assert PressCredential().validate() == ["id is required"] or "id is required" in PressCredential().validate()
