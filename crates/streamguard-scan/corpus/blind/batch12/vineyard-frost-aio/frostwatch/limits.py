import time


class TokenBucket:
    """Simple token bucket; refills `rate` tokens per `per` seconds."""

    def __init__(self, rate: int, per: float = 60.0):
        self.capacity = rate
        self.tokens = float(rate)
        self.fill = rate / per
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.fill)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
