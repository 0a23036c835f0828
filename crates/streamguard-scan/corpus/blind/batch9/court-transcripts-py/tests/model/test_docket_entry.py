from courtrec.model.docket_entry import DocketEntry


def test_docket_entry_from_dict_defaults():
    rec = DocketEntry.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_docket_entry_requires_id():
    assert DocketEntry().validate() == ["id is required"] or "id is required" in DocketEntry().validate()
