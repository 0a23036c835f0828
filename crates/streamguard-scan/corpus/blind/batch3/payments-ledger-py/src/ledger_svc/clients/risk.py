import requests

from ..settings import settings

_session = requests.Session()


class RiskRejected(Exception):
    pass


def score(instruction, submitter):
    resp = _session.post(
        settings.risk_url,
        json={
            "from": instruction.from_account,
            "to": instruction.to_iban,
            "amount_minor": instruction.amount_minor,
            "currency": instruction.currency,
            "submitter": submitter,
        },
        timeout=10,
    )
    resp.raise_for_status()
    body = resp.json()
    if body.get("decision") != "allow":
        raise RiskRejected(body.get("reason", "risk decline"))
    return body["score"]
