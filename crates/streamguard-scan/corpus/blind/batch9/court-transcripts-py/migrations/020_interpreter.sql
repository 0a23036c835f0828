-- interpreter
CREATE TABLE IF NOT EXISTS interpreters (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);
