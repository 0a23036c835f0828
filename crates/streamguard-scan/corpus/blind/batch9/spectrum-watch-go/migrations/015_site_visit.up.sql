-- site_visit
CREATE TABLE IF NOT EXISTS site_visits (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL
);
