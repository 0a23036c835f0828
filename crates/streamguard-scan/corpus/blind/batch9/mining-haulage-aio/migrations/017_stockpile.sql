-- stockpile
CREATE TABLE IF NOT EXISTS stockpiles (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
