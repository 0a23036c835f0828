-- appeal_notice
CREATE TABLE IF NOT EXISTS appeal_notices (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL
);
