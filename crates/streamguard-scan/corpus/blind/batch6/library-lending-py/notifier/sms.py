"""Patron contact preferences and the SMS/e-mail gateway."""
from __future__ import annotations

import os

import requests

PREFS_URL = os.environ.get("PATRON_PREFS_URL", "http://patrons.riverside.internal:8081")
GATEWAY_URL = os.environ.get("NOTIFY_GATEWAY_URL", "https://notify.riverside-libraries.org/api/v1/messages")

_session = requests.Session()


def preferred_channel(patron_id: str) -> str:
    resp = _session.get(f"{PREFS_URL}/patrons/{patron_id}/contact", timeout=10)
    resp.raise_for_status()
    return resp.json().get("channel", "email")


def send_reminder(patron_id: str, channel: str, title: str, days: int) -> None:
    resp = _session.post(
        GATEWAY_URL,
        json={"patron": patron_id, "channel": channel, "template": "overdue", "vars": {"title": title, "days": days}},
        timeout=30,
    )
    resp.raise_for_status()
