-- kill_event_history
CREATE TABLE IF NOT EXISTS kill_event_historys (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL
);
