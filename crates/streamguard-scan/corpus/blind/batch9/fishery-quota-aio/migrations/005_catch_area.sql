-- catch_area
CREATE TABLE IF NOT EXISTS catch_areas (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL
);
