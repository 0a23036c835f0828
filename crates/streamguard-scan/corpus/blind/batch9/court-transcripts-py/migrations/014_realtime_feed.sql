-- realtime_feed
CREATE TABLE IF NOT EXISTS realtime_feeds (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
