"""Clients for the airline's operational systems."""
from __future__ import annotations

import os

import aiohttp

OPS_URL = os.environ.get("OPS_API", "https://ops-api.airline.internal")
_session: aiohttp.ClientSession | None = None


def session() -> aiohttp.ClientSession:
    global _session
    if _session is None:
        _session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
    return _session


async def flight_status(flight_id: str) -> dict:
    async with session().get(f"{OPS_URL}/flights/{flight_id}/status") as resp:
        resp.raise_for_status()
        return await resp.json()


async def departures(airport: str, date: str, timeout: float) -> list[dict]:
    async with session().get(
        f"{OPS_URL}/airports/{airport}/departures", params={"date": date}, timeout=aiohttp.ClientTimeout(total=timeout)
    ) as resp:
        resp.raise_for_status()
        return await resp.json()


async def gate_action(gate_id: str, flight_id: str, action: str, boarding_pass: str) -> dict:
    async with session().post(
        f"{OPS_URL}/gates/{gate_id}/actions",
        json={"flight": flight_id, "action": action, "pass": boarding_pass},
    ) as resp:
        resp.raise_for_status()
        return await resp.json()


async def notify_ops_channel(text: str) -> None:
    async with session().post(f"{OPS_URL}/ops-channel/messages", json={"text": text}) as resp:
        resp.raise_for_status()
