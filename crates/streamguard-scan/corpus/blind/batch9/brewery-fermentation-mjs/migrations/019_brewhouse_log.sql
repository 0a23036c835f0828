-- brewhouse_log
CREATE TABLE IF NOT EXISTS brewhouse_logs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
