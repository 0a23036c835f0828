from haulage.model.maintenance_window import MaintenanceWindow


def test_maintenance_window_from_dict_defaults():
    rec = MaintenanceWindow.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_maintenance_window_requires_id():
    assert MaintenanceWindow().validate() == ["id is required"] or "id is required" in MaintenanceWindow().validate()
