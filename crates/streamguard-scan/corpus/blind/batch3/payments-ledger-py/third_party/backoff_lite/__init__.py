# backoff_lite 0.3.1 -- vendored; upstream: https://pypi.org/project/backoff-lite/ (MIT)
import functools
import random
import time

__all__ = ["expo", "on_exception"]


def expo(base=2, factor=0.1, max_value=30.0):
    n = 0
    while True:
        value = factor * (base ** n)
        yield min(value, max_value)
        n += 1


def on_exception(exceptions, max_tries=5, jitter=True, wait_gen=expo):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            waits = wait_gen()
            for attempt in range(1, max_tries + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions:
                    if attempt == max_tries:
                        raise
                    delay = next(waits)
                    if jitter:
                        delay = random.uniform(0, delay)
                    time.sleep(delay)
            return None

        return wrapper

    return decorate
