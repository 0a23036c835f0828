import aiohttp

SEGMENTS_URL = "http://segments.flagplane.svc:8080/v1/projects/{project}/segments"


async def fetch_pages(session: aiohttp.ClientSession, project: str):
    cursor = ""
    while True:
        async with session.get(
            SEGMENTS_URL.format(project=project),
            params={"cursor": cursor, "limit": 500},
            timeout=aiohttp.ClientTimeout(total=60),
        ) as resp:
            resp.raise_for_status()
            page = await resp.json()
        yield page["segments"]
        cursor = page.get("next_cursor") or ""
        if not cursor:
            return
