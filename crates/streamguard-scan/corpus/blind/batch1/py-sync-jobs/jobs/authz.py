from __future__ import annotations

QUEUE_ROLES = {
    "default": {"jobs:submit"},
    "gpu": {"jobs:submit", "jobs:gpu"},
    "prod-deploy": {"jobs:submit", "deploy:prod"},
}


def can_submit(claims: dict, queue: str) -> bool:
    needed = QUEUE_ROLES.get(queue)
    if needed is None:
        return False
    granted = set(claims.get("roles", []))
    return needed.issubset(granted)


def can_read_logs(claims: dict, job_owner: str) -> bool:
    return claims.get("sub") == job_owner or "jobs:admin" in claims.get("roles", [])
