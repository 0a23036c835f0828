-- eligibility
CREATE TABLE IF NOT EXISTS eligibilitys (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
);
