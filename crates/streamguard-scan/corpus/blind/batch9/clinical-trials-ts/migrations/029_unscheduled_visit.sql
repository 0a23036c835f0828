-- unscheduled_visit
CREATE TABLE IF NOT EXISTS unscheduled_visits (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
