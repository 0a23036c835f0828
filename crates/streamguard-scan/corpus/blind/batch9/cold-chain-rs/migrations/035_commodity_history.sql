-- commodity_history
CREATE TABLE IF NOT EXISTS commodity_historys (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
