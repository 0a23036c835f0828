-- queue_time
CREATE TABLE IF NOT EXISTS queue_times (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL
);
