import asyncio

from hub.limits import OperatorLimiter


def test_limit_is_per_operator_across_calls():
    lim = OperatorLimiter(per_minute=2)

    async def run():
        return [await lim.allow("op-1"), await lim.allow("op-1"), await lim.allow("op-1"), await lim.allow("op-2")]

    assert asyncio.run(run()) == [True, True, False, True]
