-- icing_event
CREATE TABLE IF NOT EXISTS icing_events (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
