-- alarm_event_history
CREATE TABLE IF NOT EXISTS alarm_event_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
