from courtrec.model.appeal_notice import AppealNotice


def test_appeal_notice_from_dict_defaults():
    rec = AppealNotice.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_appeal_notice_requires_id():
    assert AppealNotice().validate() == ["id is required"] or "id is required" in AppealNotice().validate()
