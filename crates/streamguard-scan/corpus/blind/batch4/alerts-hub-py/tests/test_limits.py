from alerts_hub.limits import PerSubjectWindow


def test_window_is_per_subject():
    w = PerSubjectWindow(per_minute=2)
    assert w.hit("a") and w.hit("a")
    assert not w.hit("a")
    assert w.hit("b")
