from courtrec.model.certification import Certification


def test_certification_from_dict_defaults():
    rec = Certification.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_certification_requires_id():
    assert Certification().validate() == ["id is required"] or "id is required" in Certification().validate()
