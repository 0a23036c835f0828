-- tournament
CREATE TABLE IF NOT EXISTS tournaments (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
