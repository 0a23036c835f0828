import asyncio
import os


class ReadingStore:
    """Appends readings to hourly CSV files; the billing ETL picks them up."""

    def __init__(self, root: str = os.environ.get("READINGS_DIR", "/var/lib/gridops/readings")) -> None:
        self.root = root
        self._lock = asyncio.Lock()

    async def append(self, reading) -> None:
        hour = reading.at_ms // 3_600_000
        line = f"{reading.meter_id},{reading.at_ms},{reading.kwh}\n"
        async with self._lock:
            await asyncio.to_thread(self._write, f"{self.root}/{hour}.csv", line)

    @staticmethod
    def _write(path: str, line: str) -> None:
        with open(path, "a") as fh:
            fh.write(line)
