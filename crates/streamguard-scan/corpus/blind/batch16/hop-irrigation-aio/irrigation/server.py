import asyncio
import logging

import grpc

from .auth import BearerInterceptor
from .config import settings
from .gen import irrigation_pb2_grpc
from .handlers.flow import report_flow
from .handlers.moisture import watch_moisture
from .handlers.valves import valve_control


class IrrigationServicer(irrigation_pb2_grpc.IrrigationServicer):
    WatchMoisture = staticmethod(watch_moisture)
    ValveControl = staticmethod(valve_control)
    ReportFlow = staticmethod(report_flow)


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[BearerInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    irrigation_pb2_grpc.add_IrrigationServicer_to_server(IrrigationServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("irrigation server on %s", settings.listen)
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
