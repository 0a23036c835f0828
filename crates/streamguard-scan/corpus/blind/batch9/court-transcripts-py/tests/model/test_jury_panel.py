from courtrec.model.jury_panel import JuryPanel


def test_jury_panel_from_dict_defaults():
    rec = JuryPanel.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_jury_panel_requires_id():
    assert JuryPanel().validate() == ["id is required"] or "id is required" in JuryPanel().validate()
