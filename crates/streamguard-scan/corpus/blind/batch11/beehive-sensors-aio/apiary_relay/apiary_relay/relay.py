"""LoRa field relay: runs on the concentrator's gateway box, on the apiary LAN, and forwards
readings of remote hives to hived with the box's own gateway token."""
import asyncio
import logging
import os

import grpc

from hived.gen import hive_pb2, hive_pb2_grpc

HIVED_ADDR = os.environ.get("HIVED_ADDR", "hived.beeline.example:443")
GATEWAY_TOKEN = os.environ.get("GATEWAY_TOKEN", "")


class RelayServicer(hive_pb2_grpc.RelayServicer):
    def __init__(self, channel: grpc.aio.Channel):
        self.hives = hive_pb2_grpc.HivesStub(channel)

    async def Forward(self, request_iterator, context):
        async def readings():
            async for r in request_iterator:
                yield r

        summary = await self.hives.StreamHiveReadings(
            readings(),
            metadata=(("authorization", f"Bearer {GATEWAY_TOKEN}"),),
            timeout=30,
        )
        return hive_pb2.IngestSummary(stored=summary.stored, dropped=summary.dropped)


async def serve() -> None:
    channel = grpc.aio.secure_channel(HIVED_ADDR, grpc.ssl_channel_credentials())
    server = grpc.aio.server()
    hive_pb2_grpc.add_RelayServicer_to_server(RelayServicer(channel), server)
    server.add_insecure_port(os.environ.get("RELAY_LISTEN", "0.0.0.0:50111"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
