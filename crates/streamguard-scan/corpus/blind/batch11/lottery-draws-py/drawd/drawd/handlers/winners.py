import grpc
import psycopg

from .. import config
from ..pb import lottery_pb2
from ..security import require_role


class WinnersExport:
    @require_role("auditor")
    def ExportWinners(self, request, context, *, principal):
        remaining = context.time_remaining()
        ms = int(remaining * 1000) if remaining is not None else 60_000
        with psycopg.connect(config.DATABASE_URL, options=f"-c statement_timeout={ms}") as conn:
            status = conn.execute("select status from draws where id = %s", (request.draw_id,)).fetchone()
            if status is None or status[0] != "closed":
                context.abort(grpc.StatusCode.FAILED_PRECONDITION, "draw not closed")
            for serial, tier, prize, retailer in conn.execute(
                "select ticket_serial, tier, prize_cents, retailer_id from winners where draw_id = %s order by tier",
                (request.draw_id,),
            ):
                yield lottery_pb2.Winner(ticket_serial=serial, tier=tier, prize_cents=prize, retailer_id=retailer)
