-- replay
CREATE TABLE IF NOT EXISTS replays (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL
);
