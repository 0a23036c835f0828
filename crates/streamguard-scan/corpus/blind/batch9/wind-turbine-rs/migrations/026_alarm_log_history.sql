-- alarm_log_history
CREATE TABLE IF NOT EXISTS alarm_log_historys (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
