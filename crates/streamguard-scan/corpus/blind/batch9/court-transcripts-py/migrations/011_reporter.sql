-- reporter
CREATE TABLE IF NOT EXISTS reporters (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    label TEXT NOT NULL,
    owner TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT NOT NULL
);
