-- controller
CREATE TABLE IF NOT EXISTS controllers (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    site_id TEXT NOT NULL,
    owner TEXT NOT NULL
);
