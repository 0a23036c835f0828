import asyncio
import logging
import os
from urllib.parse import urljoin

import grpc
import httpx
from selectolax.parser import HTMLParser

from .control import start_control_server
from .frontier import Frontier

log = logging.getLogger("crawler")

INDEXER = os.environ.get("CRAWLER_INDEXER", "indexer.search.svc:50090")
TOKEN = os.environ.get("CRAWLER_TOKEN", "")
INDEX = os.environ.get("CRAWLER_INDEX", "web")


async def fetch_loop(frontier: Frontier, outbox: asyncio.Queue) -> None:
    async with httpx.AsyncClient(follow_redirects=True, timeout=15.0) as http:
        while True:
            item = frontier.pop()
            if item is None:
                await asyncio.sleep(0.5)
                continue
            try:
                resp = await http.get(item.url)
            except httpx.HTTPError as exc:
                log.debug("fetch %s failed: %s", item.url, exc)
                continue
            tree = HTMLParser(resp.text)
            title = tree.css_first("title")
            await outbox.put((item.url, title.text() if title else "", tree.body.text() if tree.body else ""))
            for a in tree.css("a[href]"):
                frontier.add(urljoin(item.url, a.attributes["href"]), item.depth + 1)


async def ingest_loop(outbox: asyncio.Queue) -> None:
    from indexer.gen import search_pb2, search_pb2_grpc  # shared protos

    async def requests():
        n = 0
        while True:
            url, title, body = await outbox.get()
            n += 1
            yield search_pb2.IngestRequest(index=INDEX, doc_id=url, url=url, title=title, body=body, refresh=n % 500 == 0)

    async with grpc.aio.insecure_channel(INDEXER) as channel:
        stub = search_pb2_grpc.IndexIngestStub(channel)
        call = stub.IngestDocuments(requests(), metadata=(("authorization", f"Bearer {TOKEN}"),))
        async for ack in call:
            if ack.error:
                log.warning("ingest %s: %s", ack.doc_id, ack.error)


async def main_async() -> None:
    frontier = Frontier(max_depth=int(os.environ.get("CRAWLER_MAX_DEPTH", "4")))
    for seed in os.environ.get("CRAWLER_SEEDS", "").split(","):
        if seed:
            frontier.add(seed, 0)
    server = await start_control_server(frontier, os.environ.get("CRAWLER_CONTROL", "127.0.0.1:50095"))
    outbox: asyncio.Queue = asyncio.Queue(maxsize=1000)
    try:
        await asyncio.gather(fetch_loop(frontier, outbox), ingest_loop(outbox))
    finally:
        await server.stop(5)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main_async())


if __name__ == "__main__":
    main()
