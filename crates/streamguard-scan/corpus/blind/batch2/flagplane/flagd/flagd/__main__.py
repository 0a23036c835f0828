import asyncio
import logging
import os

from flagd.server import serve


def run() -> None:
    logging.basicConfig(level=os.environ.get("FLAGD_LOG_LEVEL", "INFO"))
    asyncio.run(serve(os.environ.get("FLAGD_LISTEN", "[::]:8013")))


if __name__ == "__main__":
    run()
