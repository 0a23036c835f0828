-- maintenance_visit_history
CREATE TABLE IF NOT EXISTS maintenance_visit_historys (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    tags TEXT[] NOT NULL
);
