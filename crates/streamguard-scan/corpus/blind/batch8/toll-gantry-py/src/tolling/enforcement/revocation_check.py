import psycopg

from ..common.tokens import Caller


class RevocationCheck:
    """Looks the clerk's token up in the revocation table."""

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn

    def revoked(self, caller: Caller) -> bool:
        with psycopg.connect(self._dsn) as conn:
            row = conn.execute(
                "SELECT 1 FROM revoked_tokens WHERE jti = %s OR sub = %s LIMIT 1",
                (caller.jti, caller.sub),
            ).fetchone()
        return row is not None
