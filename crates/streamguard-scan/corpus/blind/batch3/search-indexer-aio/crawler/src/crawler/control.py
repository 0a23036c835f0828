import grpc

from .frontier import Frontier, host_of
from .gen import crawler_pb2, crawler_pb2_grpc


class CrawlerControlServicer(crawler_pb2_grpc.CrawlerControlServicer):
    def __init__(self, frontier: Frontier):
        self._frontier = frontier

    def _state(self) -> crawler_pb2.CrawlState:
        return crawler_pb2.CrawlState(
            paused=self._frontier.paused, queued=len(self._frontier), fetched=self._frontier.fetched
        )

    async def Pause(self, request, context):
        self._frontier.paused = True
        return self._state()

    async def Resume(self, request, context):
        self._frontier.paused = False
        return self._state()

    async def TailFrontier(self, request, context):
        q = self._frontier.watch()
        try:
            while True:
                item = await q.get()
                if request.host_filter and host_of(item.url) != request.host_filter:
                    continue
                yield crawler_pb2.FrontierEvent(
                    url=item.url, kind=item.kind, depth=item.depth, at_ms=int(item.at * 1000)
                )
        finally:
            self._frontier.unwatch(q)


async def start_control_server(frontier: Frontier, listen: str) -> grpc.aio.Server:
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 20_000), ("grpc.keepalive_timeout_ms", 5_000)])
    crawler_pb2_grpc.add_CrawlerControlServicer_to_server(CrawlerControlServicer(frontier), server)
    server.add_insecure_port(listen)
    await server.start()
    return server
