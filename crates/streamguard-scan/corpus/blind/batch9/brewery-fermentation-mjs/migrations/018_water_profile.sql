-- water_profile
CREATE TABLE IF NOT EXISTS water_profiles (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
