-- direction_finding
CREATE TABLE IF NOT EXISTS direction_findings (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL
);
