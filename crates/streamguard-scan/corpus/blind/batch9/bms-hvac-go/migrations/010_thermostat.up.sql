-- thermostat
CREATE TABLE IF NOT EXISTS thermostats (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    revision BIGINT NOT NULL
);
