-- noise_floor
CREATE TABLE IF NOT EXISTS noise_floors (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL
);
