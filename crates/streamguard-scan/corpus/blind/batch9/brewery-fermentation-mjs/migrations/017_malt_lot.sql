-- malt_lot
CREATE TABLE IF NOT EXISTS malt_lots (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL
);
