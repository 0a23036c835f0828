import os

import requests

BANK_GATEWAY = os.environ.get("BANK_GATEWAY_URL", "https://bank-gw.bank.internal")


class BankStatementClient:
    def __init__(self, bank):
        self._bank = bank
        self._session = requests.Session()
        self._session.headers["x-client"] = "reconciler"

    def pages(self, business_date):
        cursor = None
        while True:
            params = {"date": business_date}
            if cursor:
                params["cursor"] = cursor
            resp = self._session.get(f"{BANK_GATEWAY}/v1/{self._bank}/statement-lines", params=params, timeout=30)
            resp.raise_for_status()
            body = resp.json()
            yield body["lines"]
            cursor = body.get("next")
            if not cursor:
                return
