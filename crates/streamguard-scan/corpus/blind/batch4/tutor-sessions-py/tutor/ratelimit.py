import time


class TokenBucket:
    def __init__(self, rate, burst=None):
        self.rate = rate
        self.capacity = burst if burst is not None else max(1.0, rate * 5)
        self.tokens = self.capacity
        self.updated = time.monotonic()

    def allow(self):
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
