import asyncio
import logging
import signal

import grpc

from .deps.embedder import EmbedderClient
from .deps.es import SearchBackend
from .gen import search_pb2_grpc
from .handlers import IndexIngestService, SearchQueryService
from .interceptors import JwtInterceptor
from .settings import settings

log = logging.getLogger("indexer")


async def serve() -> None:
    es = SearchBackend(settings.es_url)
    embedder = EmbedderClient(settings.embedder_target, settings.embed_model)

    server = grpc.aio.server(
        interceptors=[JwtInterceptor(settings.jwks_url, settings.audience)],
        options=[("grpc.keepalive_time_ms", 30_000), ("grpc.http2.max_pings_without_data", 0)],
    )
    search_pb2_grpc.add_IndexIngestServicer_to_server(IndexIngestService(es, embedder, settings), server)
    search_pb2_grpc.add_SearchQueryServicer_to_server(SearchQueryService(es, settings), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    log.info("indexer listening on %s", settings.listen)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    await server.stop(grace=15)
    await embedder.close()
    await es.aclose()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
