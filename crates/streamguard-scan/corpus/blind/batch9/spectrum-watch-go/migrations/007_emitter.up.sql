-- emitter
CREATE TABLE IF NOT EXISTS emitters (
    id TEXT PRIMARY KEY,
    score DOUBLE PRECISION NOT NULL,
    note TEXT NOT NULL,
    kind TEXT NOT NULL,
    tags TEXT[] NOT NULL,
    site_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
