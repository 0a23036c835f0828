import hashlib
import hmac
import time

import pytest

from seisnet import auth
from seisnet.ingest import SequenceTracker


def test_sequence_tracker_counts_gaps():
    t = SequenceTracker()
    for seq in (1, 2, 3, 5, 6, 9):
        t.observe("XX.STA1.00.HHZ", seq)
    assert t.gaps == 2


def test_station_token_round_trip(tmp_path, monkeypatch):
    key = tmp_path / "k"
    key.write_bytes(b"secret")
    monkeypatch.setattr(auth.settings.__class__, "station_key_file", str(key), raising=False)
    exp = int(time.time()) + 3600
    mac = hmac.new(b"secret", f"XX.STA1.{exp}".encode(), hashlib.sha256).hexdigest()
    ident = auth.verify_station([("x-station-token", f"XX.STA1.{exp}.{mac}")])
    assert ident.station == "STA1"


def test_station_token_rejects_bad_mac(tmp_path, monkeypatch):
    key = tmp_path / "k"
    key.write_bytes(b"secret")
    monkeypatch.setattr(auth.settings.__class__, "station_key_file", str(key), raising=False)
    with pytest.raises(PermissionError):
        auth.verify_station([("x-station-token", "XX.STA1.9999999999.deadbeef")])
