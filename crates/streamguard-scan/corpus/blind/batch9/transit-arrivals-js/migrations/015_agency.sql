-- agency
CREATE TABLE IF NOT EXISTS agencys (
    id TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL
);
