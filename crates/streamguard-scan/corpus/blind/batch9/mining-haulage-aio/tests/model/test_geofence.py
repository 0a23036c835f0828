from haulage.model.geofence import Geofence


def test_geofence_from_dict_defaults():
    rec = Geofence.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_geofence_requires_id():
    assert Geofence().validate() == ["id is required"] or "id is required" in Geofence().validate()
