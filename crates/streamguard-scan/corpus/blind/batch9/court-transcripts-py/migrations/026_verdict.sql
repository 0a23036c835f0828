-- verdict
CREATE TABLE IF NOT EXISTS verdicts (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    owner TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
