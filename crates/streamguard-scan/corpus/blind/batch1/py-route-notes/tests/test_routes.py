from unittest import mock

from routes import routes_pb2
from routes.server import RoutesService


def pt(lat, lon):
    return routes_pb2.Point(latitude=lat, longitude=lon)


PLACES = [
    routes_pb2.Place(name="A", location=pt(1, 1)),
    routes_pb2.Place(name="B", location=pt(5, 5)),
]


def test_list_places_inside_rectangle():
    svc = RoutesService(PLACES)
    rect = routes_pb2.Rectangle(lo=pt(0, 0), hi=pt(2, 2))
    assert [p.name for p in svc.ListPlaces(rect, mock.Mock())] == ["A"]


def test_share_notes_returns_earlier_notes_at_same_point():
    svc = RoutesService(PLACES)
    notes = [routes_pb2.Note(location=pt(1, 1), message=m) for m in ("one", "two")]
    out = list(svc.ShareNotes(iter(notes), object()))
    assert [n.message for n in out] == ["one"]


def test_record_trip_counts_points():
    svc = RoutesService(PLACES)
    summary = svc.RecordTrip(iter([pt(1, 1), pt(5, 5), pt(9, 9)]), mock.Mock())
    assert summary.point_count == 3
    assert summary.place_count == 2
