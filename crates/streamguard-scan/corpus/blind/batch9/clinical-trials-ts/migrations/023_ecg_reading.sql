-- ecg_reading
CREATE TABLE IF NOT EXISTS ecg_readings (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
