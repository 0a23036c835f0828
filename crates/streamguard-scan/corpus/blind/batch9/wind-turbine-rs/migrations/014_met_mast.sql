-- met_mast
CREATE TABLE IF NOT EXISTS met_masts (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    site_id TEXT NOT NULL
);
