from haulage.model.proximity_alert import ProximityAlert


def test_proximity_alert_from_dict_defaults():
    rec = ProximityAlert.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_proximity_alert_requires_id():
    assert ProximityAlert().validate() == ["id is required"] or "id is required" in ProximityAlert().validate()
