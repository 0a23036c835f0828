-- referee_decision
CREATE TABLE IF NOT EXISTS referee_decisions (
    id TEXT PRIMARY KEY,
    tags TEXT[] NOT NULL,
    updated_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    site_id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
