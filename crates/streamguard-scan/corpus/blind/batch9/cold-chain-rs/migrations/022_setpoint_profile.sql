-- setpoint_profile
CREATE TABLE IF NOT EXISTS setpoint_profiles (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
