import time

from flightops.crew_sync.ratelimit import TokenBucket
from flightops.flightwatch import tokens
from flightops.flightwatch.servicer import _gate_allowed


def test_gate_scope_allows_listed_gate():
    assert _gate_allowed({"gates": ["B12"], "scope": ""}, "B12")
    assert not _gate_allowed({"gates": ["B12"], "scope": ""}, "B14")


def test_all_gates_scope():
    assert _gate_allowed({"gates": [], "scope": "ops:read ops:all-gates"}, "C3")


def test_expired_token_is_not_valid():
    assert not tokens.still_valid({"exp": time.time() - 1, "jti": "a", "sub": "agent-1"})


def test_bucket_throttles_after_burst():
    b = TokenBucket(rate=0.0001, burst=2)
    assert b.take() and b.take()
    assert not b.take()
