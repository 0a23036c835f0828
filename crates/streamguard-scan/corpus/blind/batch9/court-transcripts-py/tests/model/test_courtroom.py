from courtrec.model.courtroom import Courtroom


def test_courtroom_from_dict_defaults():
    rec = Courtroom.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_courtroom_requires_id():
    assert Courtroom().validate() == ["id is required"] or "id is required" in Courtroom().validate()
