from .auth import Principal

WRITE_KINDS = {"tag", "redact", "privilege_log"}


def can_review(p: Principal, matter_id: str, kind: str) -> bool:
    if matter_id not in p.matters:
        return False
    if kind == "redact":
        return "redactor" in p.roles or "lead" in p.roles
    return kind in WRITE_KINDS


def can_produce(p: Principal, matter_id: str) -> bool:
    return matter_id in p.matters and "production" in p.roles
