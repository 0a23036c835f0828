from haulage.model.fuel_event import FuelEvent


def test_fuel_event_from_dict_defaults():
    rec = FuelEvent.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_fuel_event_requires_id():
    assert FuelEvent().validate() == ["id is required"] or "id is required" in FuelEvent().validate()
