from haulage.common.geo import haversine_m, inside, speed_limit_for


def test_haversine_zero():
    assert haversine_m(-23.36, 119.73, -23.36, 119.73) == 0


def test_inside_square():
    sq = [(0, 0), (0, 1), (1, 1), (1, 0)]
    assert inside(0.5, 0.5, sq)
    assert not inside(1.5, 0.5, sq)


def test_speed_limit_takes_lowest_zone():
    zones = {"ramp": (25.0, [(0, 0), (0, 1), (1, 1), (1, 0)]), "crusher": (10.0, [(0, 0), (0, 0.6), (0.6, 0.6), (0.6, 0)])}
    assert speed_limit_for(zones, 0.5, 0.5, 60.0) == 10.0
