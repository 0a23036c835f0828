"""FDSN dataselect client for the waveform archive."""

from __future__ import annotations

import io

import aiohttp
from obspy import read

from seisnet.config import settings


class WaveformArchive:
    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=settings.archive_timeout_s)
            )
        return self._session

    async def segment(self, channel: str, start: float, seconds: float):
        """Returns the traces for `channel` in [start, start+seconds), possibly empty."""
        net, sta, loc, cha = channel.split(".")
        params = {
            "net": net, "sta": sta, "loc": loc or "--", "cha": cha,
            "starttime": _iso(start), "endtime": _iso(start + seconds),
            "nodata": "404",
        }
        session = await self.session()
        async with session.get(settings.dataselect_url, params=params) as resp:
            if resp.status == 404:
                return []
            resp.raise_for_status()
            data = await resp.read()
        return list(read(io.BytesIO(data), format="MSEED"))

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


def _iso(epoch: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")
