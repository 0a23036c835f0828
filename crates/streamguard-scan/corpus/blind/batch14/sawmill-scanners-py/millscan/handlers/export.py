import csv
import io
import logging
import threading

import grpc
import requests

from .. import config, downstream
from ..auth import require_role
from ..gen import mill_pb2

log = logging.getLogger(__name__)


def _archive(line_id: str, shift_date: str, shift: str, rows: list[tuple]):
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    url = f"{config.ARCHIVE_URL}/{line_id}/{shift_date}-{shift}.csv"
    resp = requests.put(url, data=buf.getvalue().encode(), headers={"content-type": "text/csv"})
    log.info("archived %s: %s", url, resp.status_code)


class ExportHandlers:
    @require_role("lead")
    def ExportShift(self, request, context, principal):
        if request.line_id not in principal.lines:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "line not assigned")
        left = context.time_remaining()
        with downstream.connect(None if left is None else left * 1000) as conn:
            rows = conn.execute(
                "SELECT board_id, log_id, grade, thickness_mm, width_mm, length_mm FROM boards "
                "WHERE line_id = %s AND shift_date = %s AND shift = %s ORDER BY sawn_at",
                (request.line_id, request.shift_date, request.shift),
            ).fetchall()
        for r in rows:
            yield mill_pb2.BoardRecord(board_id=r[0], log_id=r[1], grade=r[2], thickness_mm=r[3],
                                       width_mm=r[4], length_mm=r[5])
        # keep a copy for the grading office; don't make the caller wait for it
        threading.Thread(target=_archive, args=(request.line_id, request.shift_date, request.shift, rows),
                         daemon=True).start()
