-- match_series_history
CREATE TABLE IF NOT EXISTS match_series_historys (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    site_id TEXT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL
);
