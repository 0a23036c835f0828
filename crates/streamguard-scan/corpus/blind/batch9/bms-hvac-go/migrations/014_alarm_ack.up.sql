-- alarm_ack
CREATE TABLE IF NOT EXISTS alarm_acks (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    revision BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
