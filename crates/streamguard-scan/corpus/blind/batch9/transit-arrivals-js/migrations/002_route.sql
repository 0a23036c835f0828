-- route
CREATE TABLE IF NOT EXISTS routes (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL
);
