import logging

import nats

from .session import REVOCATIONS

log = logging.getLogger(__name__)


async def follow(url: str) -> None:
    nc = await nats.connect(url)

    async def on_msg(msg) -> None:
        # payload: "jti:<id>" or "sub:<subject>"
        REVOCATIONS.revoke(msg.data.decode())

    await nc.subscribe("grid.revocations", cb=on_msg)
    log.info("following revocations on %s", url)
