-- avalanche_bulletin
CREATE TABLE IF NOT EXISTS avalanche_bulletins (
    id TEXT PRIMARY KEY,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    tags TEXT[] NOT NULL
);
