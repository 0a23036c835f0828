"""A stand-in MT engine (aiohttp) for local runs: echoes the source reversed."""
from aiohttp import web


async def translate(request: web.Request) -> web.Response:
    body = await request.json()
    return web.json_response({"translation": body["q"][::-1], "score": 0.5})


def app() -> web.Application:
    a = web.Application()
    a.router.add_post("/v2/translate", translate)
    return a


if __name__ == "__main__":
    web.run_app(app(), port=8088)
