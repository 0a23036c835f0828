"""Session tokens issued by the web app: itsdangerous-signed {student_id, courses, exp, sid}."""
import threading
import time

from itsdangerous import BadSignature, URLSafeSerializer

from . import settings

_serializer = URLSafeSerializer(settings.SESSION_SECRET, salt="tutor-session")


class Unauthenticated(Exception):
    pass


class Session:
    __slots__ = ("student_id", "courses", "exp", "sid")

    def __init__(self, student_id, courses, exp, sid):
        self.student_id = student_id
        self.courses = frozenset(courses)
        self.exp = exp
        self.sid = sid


class RevokedSessions:
    """Session ids logged out from the web app; the logout hook calls revoke()."""

    def __init__(self):
        self._lock = threading.Lock()
        self._sids = set()

    def revoke(self, sid):
        with self._lock:
            self._sids.add(sid)

    def __contains__(self, sid):
        with self._lock:
            return sid in self._sids


REVOKED = RevokedSessions()


def session_from_metadata(metadata):
    token = dict(metadata).get("x-session-token")
    if not token:
        raise Unauthenticated("x-session-token metadata is required")
    try:
        data = _serializer.loads(token)
    except BadSignature as exc:
        raise Unauthenticated("bad session token signature") from exc
    session = Session(data["student_id"], data.get("courses", ()), int(data["exp"]), data["sid"])
    if not still_valid(session):
        raise Unauthenticated("session expired or logged out")
    return session


def still_valid(session):
    return time.time() < session.exp and session.sid not in REVOKED
