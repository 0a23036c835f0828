import pytest

from quota.server.conversions import UnknownPresentation, live_weight


def test_gutted_cod():
    assert live_weight("cod", "gut", 100) == 117.0


def test_unknown():
    with pytest.raises(UnknownPresentation):
        live_weight("XXX", "GUT", 1)
