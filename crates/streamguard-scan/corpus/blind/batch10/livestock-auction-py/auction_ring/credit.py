"""Credit desk: is the buyer's line of credit good for this amount?"""
import requests

from . import settings

_http = requests.Session()


def approve(buyer_no: str, amount_cents: int) -> bool:
    resp = _http.post(
        f"{settings.CREDIT_DESK_URL}/v1/approvals",
        json={"buyer": buyer_no, "amount_cents": amount_cents},
        timeout=10,
    )
    resp.raise_for_status()
    return bool(resp.json().get("approved"))
