-- band_plan
CREATE TABLE IF NOT EXISTS band_plans (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL
);
