-- setpoint_override
CREATE TABLE IF NOT EXISTS setpoint_overrides (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    owner TEXT NOT NULL
);
