-- alarm_log
CREATE TABLE IF NOT EXISTS alarm_logs (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL
);
