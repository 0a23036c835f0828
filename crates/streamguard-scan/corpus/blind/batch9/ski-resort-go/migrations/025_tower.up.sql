-- tower
CREATE TABLE IF NOT EXISTS towers (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    note TEXT NOT NULL,
    owner TEXT NOT NULL,
    revision BIGINT NOT NULL,
    kind TEXT NOT NULL
);
