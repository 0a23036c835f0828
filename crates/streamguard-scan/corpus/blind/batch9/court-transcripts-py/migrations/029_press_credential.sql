-- press_credential
CREATE TABLE IF NOT EXISTS press_credentials (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
