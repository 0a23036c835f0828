import logging
import queue
import threading
import uuid

import grpc
import psycopg

from .bank_api import BankStatementClient
from .gen import recon_pb2, recon_pb2_grpc

log = logging.getLogger(__name__)
_DONE = object()


class Run:
    def __init__(self, bank, business_date, dsn):
        self.run_id = uuid.uuid4().hex[:12]
        self.bank = bank
        self.business_date = business_date
        self.dsn = dsn
        self.progress = queue.Queue()
        self.pages = self.matched = self.mismatched = 0

    def execute(self):
        client = BankStatementClient(self.bank)
        try:
            with psycopg.connect(self.dsn) as conn:
                for lines in client.pages(self.business_date):
                    for line in lines:
                        row = conn.execute(
                            "SELECT amount_minor FROM payments WHERE bank_ref = %s", (line["ref"],)
                        ).fetchone()
                        if row and row[0] == line["amount_minor"]:
                            self.matched += 1
                        else:
                            self.mismatched += 1
                            conn.execute(
                                "INSERT INTO recon_breaks (run_id, bank_ref, bank_amount, ledger_amount) VALUES (%s, %s, %s, %s)",
                                (self.run_id, line["ref"], line["amount_minor"], row[0] if row else None),
                            )
                    self.pages += 1
                    self.progress.put(self.snapshot(False))
        except Exception:  # noqa: BLE001
            log.exception("reconciliation %s failed", self.run_id)
        finally:
            self.progress.put(_DONE)

    def snapshot(self, finished):
        return recon_pb2.RunProgress(
            run_id=self.run_id,
            pages_done=self.pages,
            matched=self.matched,
            mismatched=self.mismatched,
            finished=finished,
        )


class ReconciliationServicer(recon_pb2_grpc.ReconciliationServicer):
    def __init__(self, dsn):
        self._dsn = dsn

    def RunReconciliation(self, request, context):
        if not request.bank or not request.business_date:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "bank and business_date are required")
        run = Run(request.bank, request.business_date, self._dsn)
        worker = threading.Thread(target=run.execute, name=f"recon-{run.run_id}", daemon=True)
        worker.start()
        while True:
            item = run.progress.get()
            if item is _DONE:
                break
            yield item
        yield run.snapshot(True)
