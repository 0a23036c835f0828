"""Overdue notifier: finds overdue loans every minute, sends reminders and
streams what it sent to the notification gateway's dashboard."""
from __future__ import annotations

import logging
import os
import time
from concurrent import futures

import grpc

from lending import db
from lending.gen import notifier_pb2, notifier_pb2_grpc
from notifier import sms

log = logging.getLogger("overdue-notifier")
SCAN_EVERY_S = 60

_senders = futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="sms")


def _send(patron_id: str, channel: str, title: str, days: int, loan_id: str) -> None:
    try:
        sms.send_reminder(patron_id, channel, title, days)
        db.mark_notified(loan_id)
    except Exception:  # noqa: BLE001 - logged and retried on the next scan
        log.exception("reminder for loan %s failed", loan_id)


class OverdueNotifier(notifier_pb2_grpc.OverdueNotifierServicer):
    def StreamOverdues(self, request, context):
        branches = list(request.branch_ids)
        while True:
            for loan_id, patron_id, title, days in db.overdue_loans(branches):
                channel = sms.preferred_channel(patron_id)
                _senders.submit(_send, patron_id, channel, title, days, loan_id)
                yield notifier_pb2.OverdueNotice(
                    loan_id=loan_id, patron_id=patron_id, item_title=title, days_overdue=days, channel=channel
                )
            time.sleep(SCAN_EVERY_S)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4),
        options=[("grpc.keepalive_time_ms", 60_000), ("grpc.keepalive_permit_without_calls", 1)],
    )
    notifier_pb2_grpc.add_OverdueNotifierServicer_to_server(OverdueNotifier(), server)
    server.add_insecure_port(os.environ.get("NOTIFIER_LISTEN", "10.8.0.12:50071"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
