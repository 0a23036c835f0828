-- pause_event_history
CREATE TABLE IF NOT EXISTS pause_event_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
