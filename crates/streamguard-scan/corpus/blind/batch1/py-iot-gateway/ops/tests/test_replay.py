import sqlite3
from unittest import mock

from gateway import device_pb2
from ops.replay import ReplayService


def test_replay_enriches_each_row(tmp_path):
    db = tmp_path / "r.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE readings(device_id, metric, value, ts_ms)")
    con.executemany("INSERT INTO readings VALUES (?,?,?,?)", [("d1", "t", 1.0, i) for i in range(3)])
    con.commit()
    enrich = mock.Mock()
    enrich.Enrich.side_effect = lambda r, timeout: device_pb2.EnrichedReading(reading=r, site="s1")
    svc = ReplayService(str(db), enrich)
    out = list(svc.Replay(device_pb2.ReplayRequest(device_id="d1", limit=10), mock.Mock()))
    assert [o.reading.ts_ms for o in out] == [0, 1, 2]
