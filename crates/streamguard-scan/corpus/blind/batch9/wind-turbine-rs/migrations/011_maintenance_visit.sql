-- maintenance_visit
CREATE TABLE IF NOT EXISTS maintenance_visits (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    owner TEXT NOT NULL,
    status TEXT NOT NULL
);
