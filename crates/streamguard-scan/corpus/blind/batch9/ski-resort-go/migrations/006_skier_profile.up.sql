-- skier_profile
CREATE TABLE IF NOT EXISTS skier_profiles (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL
);
