import psycopg


class NotificationStore:
    def __init__(self, dsn):
        self._dsn = dsn

    def wait_for_new(self, student_id, after_id, timeout_s):
        """Blocks on LISTEN notifications_<student> for up to timeout_s, then returns new rows."""
        with psycopg.connect(self._dsn, autocommit=True) as conn:
            conn.execute(f'LISTEN "notifications_{int(student_id)}"')
            for _ in conn.notifies(timeout=timeout_s, stop_after=1):
                break
            return conn.execute(
                "SELECT id, title, extract(epoch from created_at)::bigint FROM notifications"
                " WHERE student_id = %s AND id > %s ORDER BY id LIMIT 100",
                (student_id, after_id),
            ).fetchall()
