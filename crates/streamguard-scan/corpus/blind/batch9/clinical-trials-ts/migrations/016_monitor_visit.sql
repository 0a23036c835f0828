-- monitor_visit
CREATE TABLE IF NOT EXISTS monitor_visits (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    label TEXT NOT NULL
);
