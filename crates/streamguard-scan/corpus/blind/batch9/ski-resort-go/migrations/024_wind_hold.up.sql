-- wind_hold
CREATE TABLE IF NOT EXISTS wind_holds (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
